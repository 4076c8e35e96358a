"""Made-up French names, villages and organisations for the demo démarche (all fictional)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.notes import NoteKind

# ---------------------------------------------------------------- the territory

TERRITORY = "Communauté de communes du Pays de Lambrenne"
SHORT_TERRITORY = "Pays de Lambrenne"

#: Twelve fictional villages; the first one is the bourg-centre.
COMMUNES: tuple[str, ...] = (
    "Pradelle-sur-Lambrenne",
    "Fontclaire",
    "Puyméjan",
    "La Bastide-Sorel",
    "Cazaubiel",
    "Vernessac",
    "Roquefrède",
    "Montaurel",
    "Saint-Julien-des-Combes",
    "Lescoudrais",
    "Le Mas-d'Aiguilhe",
    "Castelmayrac",
)

# ---------------------------------------------------------------- people

#: First names with their grammatical gender ("f" or "m"), to agree role titles.
FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Martine", "f"),
    ("Jean-Paul", "m"),
    ("Sophie", "f"),
    ("Karim", "m"),
    ("Lucette", "f"),
    ("Denis", "m"),
    ("Hélène", "f"),
    ("Jérôme", "m"),
    ("Marie-Noëlle", "f"),
    ("Loïc", "m"),
    ("Anaïs", "f"),
    ("Thierry", "m"),
    ("Geneviève", "f"),
    ("Mathéo", "m"),
    ("Samira", "f"),
    ("Bernard", "m"),
    ("Chloé", "f"),
    ("François", "m"),
    ("Josiane", "f"),
    ("Rémi", "m"),
    ("Nadège", "f"),
    ("Pierre-Yves", "m"),
    ("Céline", "f"),
    ("Mehdi", "m"),
    ("Odile", "f"),
    ("Gaëtan", "m"),
    ("Élodie", "f"),
    ("Alain", "m"),
    ("Fatou", "f"),
    ("Joël", "m"),
    ("Brigitte", "f"),
    ("Stéphane", "m"),
    ("Léa", "f"),
    ("Raymond", "m"),
    ("Ana", "f"),
    ("Hervé", "m"),
    ("Solène", "f"),
    ("Yannick", "m"),
    ("Danielle", "f"),
    ("Éric", "m"),
    ("Maëlys", "f"),
    ("Gilles", "m"),
    ("Paulette", "f"),
    ("Cédric", "m"),
    ("Inès", "f"),
    ("Marcel", "m"),
    ("Agnès", "f"),
    ("Baptiste", "m"),
    ("Monique", "f"),
    ("Noé", "m"),
)

SURNAMES: tuple[str, ...] = (
    "Lefèvre",
    "Ménard",
    "Bréchet",
    "Delmas",
    "Carrère",
    "Benali",
    "Martins",
    "Rouquette",
    "Fabre",
    "Vidal",
    "Castagné",
    "Boyer-Lacombe",
    "Mazars",
    "Pélissier",
    "Couderc",
    "Diallo",
    "Roux",
    "Thérond",
    "Galtier",
    "Lafont",
    "Nguyen",
    "Sabatier",
    "Bousquet",
    "Astruc",
    "Cabanel",
    "Durand-Vialle",
    "Marty",
    "Séguier",
    "Peyre",
    "Azéma",
    "Bonnafous",
    "Ferreira",
    "Granier",
    "Hébrard",
    "Jouve",
    "Laurens",
    "Malet",
    "Noguès",
    "Olivier",
    "Puech",
    "Rigal",
    "Soulié",
    "Teyssier",
    "Vergnes",
    "Aït-Saïd",
    "Calmels",
    "Dufaure",
    "Estève",
    "Fournier",
    "Guiraud",
    "Lacoste",
    "Maurel",
)

#: Titles of élus who are not mayors, per gender; `{of_commune}` becomes « de Fontclaire »,
#: « du Mas-d'Aiguilhe »…
#: The first one goes to the élu who will preside over the comité de pilotage.
ELU_ROLES: tuple[tuple[str, str], ...] = (
    ("vice-présidente de la CC, cohésion sociale", "vice-président de la CC, cohésion sociale"),
    ("adjointe au maire {of_commune}", "adjoint au maire {of_commune}"),
    ("conseillère communautaire", "conseiller communautaire"),
    ("conseillère municipale {of_commune}", "conseiller municipal {of_commune}"),
    ("déléguée communautaire {of_commune}", "délégué communautaire {of_commune}"),
)

#: How many élus of the demo are mayors (each of a different commune).
MAYORS = 8

#: Associations and institutions of acteurs locaux (`{of_commune}` as above).
ORGANISATIONS: tuple[str, ...] = (
    "Comité des fêtes {of_commune}",
    "Foyer rural {of_commune}",
    f"Centre social du {SHORT_TERRITORY}",
    "ADMR {of_commune}",
    "Union sportive {of_commune} (football)",
    "Médiathèque intercommunale",
    "École primaire {of_commune}",
    "CCAS {of_commune}",
    f"Office de tourisme du {SHORT_TERRITORY}",
    "Club des aînés {of_commune}",
    "Association des parents d'élèves {of_commune}",
    "Épicerie solidaire {of_commune}",
    "Amicale des sapeurs-pompiers {of_commune}",
    "Maison de santé {of_commune}",
    "Mission locale rurale",
    "Collège {of_commune}",
    "Les Jardins partagés {of_commune}",
    "Boulangerie-épicerie {of_commune}",
    "Harmonie musicale {of_commune}",
    "EHPAD Les Tilleuls",
)

#: The few habitants who come with a group of their own.
HABITANT_ORGANISATIONS: tuple[str, ...] = (
    "Collectif des nouveaux arrivants",
    "Conseil municipal des jeunes",
    "Groupe de marche du jeudi",
)

#: Shares of participants who tick each consent box.
CONSENT_DATA_RATE = 0.96
CONSENT_CONTACT_RATE = 0.8
CONSENT_NAMED_RATE = 0.6

# ---------------------------------------------------------------- steps 1 and 2

PRESENTATION_DATE = date(2026, 2, 3)
DELIBERATION_DATE = date(2026, 3, 14)
DELIBERATION_REF = "2026-041"
STEP1_COMMENT = (
    "Démarche présentée au bureau communautaire et à la technicienne le 03/02/2026. "
    "Délibération adoptée à l'unanimité des suffrages exprimés (2 abstentions)."
)

#: The first comité de pilotage; step 2 starts with it.
COPIL_DATE = date(2026, 4, 2)
#: The second COPIL validates planning, roles and logistics: step 2 is done.
STEP2_DONE = date(2026, 6, 11)
STEP2_COMMENT = (
    "COPIL d'installation le 02/04/2026 ; planning, rôles et logistique validés "
    "au second COPIL du 11/06/2026."
)
#: The questionnaire goes out to groups of inhabitants at the start of autumn.
STEP3_START = date(2026, 9, 7)

#: People from outside the collèges who sit on the comité de pilotage: (name, role, structure).
COMMITTEE_STAFF: tuple[tuple[str, str, str], ...] = (
    ("Claire Vialaret", "technicienne de la CC, cheffe de projet", TERRITORY),
    ("Thomas Bérenger", "animateur Territoires Conseils", "Territoires Conseils"),
    ("Nathalie Ourliac", "animatrice Territoires Conseils", "Territoires Conseils"),
)

#: Roles of the élus who sit on the committee, per gender, the first one presiding.
COMMITTEE_ELU_ROLES: tuple[tuple[str, str], ...] = (
    ("présidente du COPIL", "président du COPIL"),
    ("élue référente, vie associative", "élu référent, vie associative"),
    ("élue référente, solidarités", "élu référent, solidarités"),
)

#: The four workshops: date and place (18h30–21h00 each, as the method plans).
WORKSHOPS: tuple[tuple[date, str], ...] = (
    (date(2026, 10, 15), "Salle des fêtes de Pradelle-sur-Lambrenne"),
    (date(2026, 11, 5), "Salle des fêtes de Puyméjan"),
    (date(2026, 11, 26), "Salle des fêtes de Vernessac"),
    (date(2026, 12, 10), "Salle des fêtes de Pradelle-sur-Lambrenne"),
)
WORKSHOP_START = time(18, 30)
WORKSHOP_END = time(21, 0)

#: Checklist lines still open when step 2 closes (they belong to later steps).
LOGISTICS_LEFT_OPEN: frozenset[str] = frozenset(
    {
        "Gommettes pour le vote (atelier 3)",
        "Habitants recrutés lors du questionnaire",
    }
)

# ---------------------------------------------------------------- workshops held (issue 3)

#: The questionnaire closes a week before workshop 1, whose barometer it feeds.
STEP3_DONE = date(2026, 10, 9)

#: Who leads the sub-groups; each workshop shifts the list by one so each animateur meets
#: other people.
ANIMATEURS: tuple[str, ...] = (
    "Thomas Bérenger",
    "Nathalie Ourliac",
    "Claire Vialaret",
    "Sandrine Aliès",
)

#: What was kept from each workshop: the text its recap shows at the opening of the next one.
RECAPS: dict[int, str] = {
    1: (
        "Quatre sous-groupes, un par indicateur. Ce qui ressort : des lieux de rencontre qui "
        "disparaissent (épiceries, cafés), un accès aux services difficile sans voiture ni "
        "internet, une entraide de voisinage encore forte mais qui repose sur les mêmes, des "
        "associations qui peinent à passer le relais. Pistes pour la suite : recréer des lieux "
        "de rencontre, rapprocher l'information des habitants, soutenir l'entraide, ouvrir les "
        "associations aux nouveaux venus."
    ),
    2: (
        "Quatre grandes tendances travaillées : vieillissement, mobilités, numérique, nouveaux "
        "habitants. Risques les plus cités : l'isolement des anciens dans les hameaux et la "
        "perte de droits faute d'accès à internet. Une vingtaine d'intentions d'action, "
        "regroupées avant le vote de l'atelier 3."
    ),
    3: (
        "Vote à la gommette : quatre actions retenues (transport solidaire, café associatif "
        "itinérant, permanences d'aide aux démarches, accueil des nouveaux arrivants). Chaque "
        "sous-groupe en a précisé le porteur, les partenaires et la première étape."
    ),
    4: (
        "Restitution publique des travaux et premières formulations des quatre articles de la "
        "charte ; signature prévue au conseil communautaire de janvier."
    ),
}


@dataclass(frozen=True)
class Saying:
    """One thing people say, before an opening and a tail make it someone's own words.

    `text` is a clause in lower case without a full stop (« le bus ne passe plus le
    mardi »), or a whole sentence when `plain`. `{commune}`, `{at_commune}` (« à Fontclaire »,
    « au Mas-d'Aiguilhe ») and `{of_commune}` stand for the speaker's village.
    """

    text: str
    kind: NoteKind
    indicator: int | None = None
    pole: Pole | None = None
    plain: bool = False


@dataclass(frozen=True)
class RoundScript:
    """A guiding question and what its answers tend to be: kinds (weighted) and pole."""

    question: str
    kinds: tuple[tuple[NoteKind, int], ...]
    pole: Pole | None = None


@dataclass(frozen=True)
class GroupScript:
    """One sub-group's theme, its questions (three) and what can be said in it."""

    theme: str
    indicator: int | None
    rounds: tuple[RoundScript, ...]
    sayings: tuple[Saying, ...]


@dataclass(frozen=True)
class WorkshopScript:
    """How the sub-groups of one workshop talk."""

    groups: tuple[GroupScript, ...]
    #: The two questions a sub-group with only two rounds asks.
    two_rounds: tuple[int, int]
    #: Openings per kind (the empty string: the saying as it is); `{at_commune}` allowed.
    openings: dict[NoteKind, tuple[str, ...]]
    #: Endings per (kind, pole), then per (kind, None).
    tails: dict[tuple[NoteKind, Pole | None], tuple[str, ...]]
    #: Kinds where people speak for themselves: collège openings (« En tant qu'élu… »).
    personal: frozenset[NoteKind]
    #: How often someone talks about another sub-group's theme.
    wander: float


#: Openings of what one says as a member of a collège: (feminine, masculine); the clause
#: follows (« que il » becomes « qu'il »).
COLLEGE_OPENINGS: dict[College, tuple[tuple[str, str], ...]] = {
    College.ELU: (
        ("En tant qu'élue, je constate que ", "En tant qu'élu, je constate que "),
        ("Côté mairie, on voit bien que ", "Côté mairie, on voit bien que "),
        ("Dans ma commune, ", "Dans ma commune, "),
        ("Au conseil, on en parle souvent : ", "Au conseil, on en parle souvent : "),
    ),
    College.ACTEUR: (
        ("De notre côté, on voit que ", "De notre côté, on voit que "),
        ("Sur le terrain, on constate que ", "Sur le terrain, on constate que "),
        ("Dans notre association, on voit bien que ", "Dans notre association, on voit bien que "),
        ("Avec nos adhérents, on remarque que ", "Avec nos adhérents, on remarque que "),
    ),
    College.HABITANT: (
        ("Moi, je trouve que ", "Moi, je trouve que "),
        ("Dans mon quartier, ", "Dans mon quartier, "),
        ("Chez moi, {at_commune}, ", "Chez moi, {at_commune}, "),
        (
            "Depuis que je suis arrivée ici, je vois que ",
            "Depuis que je suis arrivé ici, je vois que ",
        ),
        ("Honnêtement, ", "Honnêtement, "),
    ),
}

#: Remarks that belong to no indicator (left untagged), said in any workshop with constats.
GENERAL_REMARKS: tuple[str, ...] = (
    "Est-ce que les résultats du questionnaire seront présentés dans chaque commune ?",
    "Il faudrait que plus de jeunes viennent à ces ateliers",
    "On parle beaucoup des anciens, mais les familles aussi ont besoin qu'on pense à elles",
    "Ce genre de réunion devrait exister plus souvent",
    "Le territoire est grand : ce qui est vrai au bourg ne l'est pas dans les hameaux",
    "Je découvre des choses sur ma propre commune ce soir",
    "On n'est pas d'accord entre nous, et c'est normal",
    "Attention à ne pas tout ramener au manque d'argent",
    "Qui va lire ce qu'on écrit ce soir ?",
    "Merci d'avoir organisé la soirée dans une autre commune que le bourg",
)

# ---------------------------------------------------------------- workshop 1: baromètre

#: What people say about each indicator, per pole (clauses, see `Saying`).
SAYINGS_1: dict[tuple[int, Pole], tuple[str, ...]] = {
    (1, Pole.VITALITY): (
        "le marché du jeudi matin, c'est là qu'on se croise tous",
        "le repas des aînés réunit plus de cent personnes chaque année",
        "la fête votive attire encore tout le village, jeunes compris",
        "on se retrouve à la sortie de l'école, c'est le vrai lieu de rencontre",
        "le café a rouvert l'an dernier et il y a du monde le dimanche matin",
        "les parents se retrouvent au bord du terrain de foot le samedi",
        "le vide-grenier de septembre fait venir des gens de toute la vallée",
        "la boulangerie, c'est là qu'on prend des nouvelles de tout le monde",
        "le club de belote se réunit deux fois par semaine à la salle des fêtes",
        "les nouveaux arrivants ont été invités à un apéritif de bienvenue à la mairie",
        "la médiathèque est devenue un lieu où l'on se parle, pas seulement où l'on emprunte",
        "les jardins partagés mélangent des retraités et des jeunes familles",
        "à la chorale, on vient de trois communes différentes et on se voit chaque semaine",
        "le groupe de marche du jeudi a fait se rencontrer des gens qui ne se connaissaient pas",
        "la fête des voisins a repris dans plusieurs quartiers",
    ),
    (1, Pole.DEPRESSION): (
        "depuis que l'épicerie a fermé, il n'y a plus d'endroit où se croiser",
        "les personnes âgées des hameaux ne sortent presque plus l'hiver",
        "sans voiture, on ne va nulle part : le bus ne passe que deux fois par jour",
        "les nouveaux arrivants restent entre eux, on ne les voit jamais aux fêtes",
        "les jeunes partent au lycée à quarante minutes et ne reviennent que le week-end",
        "beaucoup de maisons sont des résidences secondaires, volets fermés dix mois sur douze",
        "les gens travaillent loin, ils rentrent tard et repartent tôt",
        "le comité des fêtes n'a plus assez de bénévoles pour organiser le bal",
        "on ne connaît plus ses voisins, chacun reste chez soi",
        "certains veufs ne voient personne de la semaine à part l'infirmière",
        "la salle des fêtes reste fermée en dehors des locations",
        "depuis le Covid, beaucoup ont perdu l'habitude de sortir",
        "les lotissements neufs sont des cités-dortoirs, sans aucun lieu commun",
        "le dernier café a fermé il y a cinq ans et rien ne l'a remplacé",
    ),
    (2, Pole.VITALITY): (
        "le bulletin municipal est lu, c'est souvent par lui qu'on apprend les choses",
        "la France Services du bourg aide vraiment pour les papiers en ligne",
        "la secrétaire de mairie connaît tout le monde et oriente bien les gens",
        "le centre social tient une permanence emploi le mardi",
        "la médiathèque propose des ateliers numériques pour les anciens",
        "le panneau d'affichage de la mairie est regardé par tout le monde",
        "la mission locale vient à la rencontre des jeunes jusque dans les villages",
        "le groupe Facebook de la commune fait circuler les informations très vite",
        "l'assistante sociale tient une permanence à la mairie une fois par mois",
        "le forum des associations permet de savoir ce qui existe",
        "le bouche-à-oreille marche encore très bien ici",
        "les élus prennent le temps d'expliquer les démarches à ceux qui viennent",
        "la maison de santé a fait venir deux jeunes médecins",
    ),
    (2, Pole.DEPRESSION): (
        "tout passe par internet maintenant, et la connexion est mauvaise dans les hameaux",
        "la trésorerie a fermé, il faut aller à la sous-préfecture pour la moindre démarche",
        "les anciens n'osent pas demander de l'aide pour remplir leurs dossiers",
        "on ne sait pas qui fait quoi entre la commune, la CC et le département",
        "il faut six mois pour avoir un rendez-vous chez un ophtalmologiste",
        "les jeunes ne trouvent pas de stage sans voiture",
        "les informations arrivent trop tard, quand les inscriptions sont closes",
        "le médecin part à la retraite et personne ne le remplace",
        "les nouveaux habitants ne savent pas à qui s'adresser",
        "quand on appelle un service public, on tombe sur une plateforme",
        "on a l'impression que les décisions se prennent ailleurs, sans nous",
        "le téléphone ne passe pas dans la moitié de la commune",
        "beaucoup de gens ne connaissent pas les aides auxquelles ils ont droit",
    ),
    (3, Pole.VITALITY): (
        "les voisins font les courses pour ceux qui ne conduisent plus",
        "quand quelqu'un est malade, tout le hameau s'organise",
        "les agriculteurs dégagent la route avec le tracteur quand il neige",
        "le covoiturage vers le marché s'est organisé tout seul entre voisines",
        "l'épicerie solidaire est tenue par des bénévoles de plusieurs communes",
        "l'ADMR fait un travail énorme pour que les anciens restent chez eux",
        "les parents se relaient pour emmener les enfants au sport",
        "on se prête des outils, le broyeur fait le tour du village",
        "les pompiers volontaires, c'est aussi une solidarité entre générations",
        "le club des aînés appelle chaque semaine les adhérents qui ne viennent plus",
        "les jeunes ont aidé à vider la maison d'une famille inondée",
        "les associations se prêtent du matériel sans compter",
        "des bénévoles rendent visite chaque semaine aux personnes seules",
    ),
    (3, Pole.DEPRESSION): (
        "sans ses enfants pour l'emmener, ma voisine ne peut plus aller chez le médecin",
        "les personnes âgées dépendent entièrement de l'aide à domicile",
        "l'entraide repose toujours sur les mêmes, et ils s'épuisent",
        "les gens ont du mal à demander de l'aide, ils ont honte",
        "l'ADMR manque de personnel, certaines tournées sont supprimées",
        "on attend tout de la mairie, comme si elle pouvait tout régler",
        "les familles monoparentales sont coincées sans mode de garde",
        "les jeunes sans permis dépendent de leurs parents pour tout",
        "les aidants familiaux sont seuls et personne ne les relaie",
        "les nouveaux arrivants n'ont pas de réseau quand ça va mal",
        "les jeunes retraités s'occupent de leurs parents et n'ont plus de temps pour rien",
        "l'entraide d'autrefois entre voisins s'est perdue",
        "on n'ose pas déranger des voisins qu'on connaît mal",
    ),
    (4, Pole.VITALITY): (
        "des habitants ont relancé le marché de producteurs le vendredi soir",
        "le conseil municipal des jeunes a monté un projet de skate-park",
        "le foyer rural a créé un atelier théâtre qui tourne dans les villages",
        "une association de parents a sauvé la cantine en la gérant elle-même",
        "la boîte à livres a été construite par les enfants de l'école",
        "un collectif a rouvert l'ancien lavoir pour en faire un lieu d'exposition",
        "les nouveaux habitants ont proposé un repair café à la salle des fêtes",
        "des jeunes agriculteurs organisent une journée à la ferme ouverte à tous",
        "la commune a laissé les habitants choisir l'aménagement de la place",
        "une épicerie participative est née grâce à quarante familles",
        "les retraités ont créé un jardin pédagogique avec l'école",
        "le festival d'été est entièrement tenu par des bénévoles",
        "le budget participatif de la CC a fait émerger une dizaine de projets",
    ),
    (4, Pole.DEPRESSION): (
        "c'est toujours les mêmes dix personnes qui font tout",
        "les gens profitent des animations mais ne viennent pas aider à les monter",
        "quand on demande des bénévoles, personne ne lève la main",
        "les réunions publiques n'attirent que des retraités",
        "beaucoup pensent que ce n'est pas à eux d'agir, que c'est le rôle des élus",
        "les associations vieillissent et n'arrivent pas à passer le relais",
        "on a déjà essayé, ça n'a rien donné, alors les gens ne croient plus aux projets",
        "les jeunes ont des idées mais personne ne les écoute vraiment",
        "la paperasse décourage ceux qui voudraient monter une association",
        "les nouveaux habitants ne se sentent pas légitimes pour proposer des choses",
        "on critique beaucoup au café, mais personne ne vient au conseil municipal",
        "le comité des fêtes risque de s'arrêter faute de président",
        "les habitants attendent que les choses viennent d'en haut",
    ),
}

#: Photo-language cards, per pole, and why people chose them (workshop 1 images).
IMAGE_CARDS: dict[Pole, tuple[str, ...]] = {
    Pole.VITALITY: (
        "la photo de la grande tablée en plein air",
        "l'image des mains qui se serrent",
        "la photo du marché sous les platanes",
        "la carte du pont de pierre",
        "la photo des enfants qui jouent sur la place",
        "l'image du feu de la Saint-Jean",
    ),
    Pole.DEPRESSION: (
        "la photo du banc vide devant l'église",
        "l'image des volets fermés",
        "la photo de la route sous la neige",
        "la carte de l'arrêt de bus désert",
        "la photo du panneau « à vendre »",
        "l'image de la cabine téléphonique abandonnée",
    ),
}
IMAGE_WHYS: dict[Pole, tuple[str, ...]] = {
    Pole.VITALITY: (
        "c'est ça, pour moi, un village vivant",
        "ça me rappelle la fête de l'été dernier",
        "c'est ce qui nous relie d'une commune à l'autre",
        "on a encore ces moments-là et il faut les garder",
        "c'est l'accueil qu'on a reçu en arrivant ici",
    ),
    Pole.DEPRESSION: (
        "c'est l'image de nos villages l'après-midi",
        "ça me fait penser aux anciens qui ne sortent plus",
        "on est loin de tout dès qu'il fait mauvais",
        "les commerces ferment un à un",
        "chacun reste chez soi et plus personne ne se parle",
    ),
}

#: Three questions per indicator: where it goes well, what holds people back, an image.
QUESTIONS_1: dict[int, tuple[str, str, str]] = {
    1: (
        "Où vous retrouvez-vous avec d'autres habitants ?",
        "Qu'est-ce qui vous empêche de participer ?",
        "Quelle image associez-vous aux rencontres dans votre commune ?",
    ),
    2: (
        "Où trouvez-vous l'information dont vous avez besoin ?",
        "Quand vous êtes-vous senti démuni face à une démarche ?",
        "Quelle image associez-vous à l'accès aux services ici ?",
    ),
    3: (
        "Sur qui pouvez-vous compter en cas de coup dur ?",
        "Qui reste seul face à ses difficultés ?",
        "Quelle image associez-vous à l'entraide dans votre village ?",
    ),
    4: (
        "Quelles initiatives locales vous donnent envie de vous impliquer ?",
        "Pourquoi est-ce toujours les mêmes qui s'investissent ?",
        "Quelle image associez-vous à la vie locale aujourd'hui ?",
    ),
}


def _workshop_1_group(number: int) -> GroupScript:
    """A workshop-1 sub-group: one indicator, its two poles, its images."""
    theme = INDICATORS[number - 1]
    good, bad, image = QUESTIONS_1[number]
    mostly_said = ((NoteKind.CONSTAT, 9), (NoteKind.IMAGE, 1))
    sayings = [
        Saying(text, NoteKind.CONSTAT, number, pole)
        for pole in Pole
        for text in SAYINGS_1[(number, pole)]
    ]
    sayings += [
        Saying(f"{card}, parce que {why}", NoteKind.IMAGE, number, pole)
        for pole in Pole
        for card in IMAGE_CARDS[pole]
        for why in IMAGE_WHYS[pole]
    ]
    return GroupScript(
        theme=theme.poles_label,
        indicator=number,
        rounds=(
            RoundScript(good, mostly_said, Pole.VITALITY),
            RoundScript(bad, mostly_said, Pole.DEPRESSION),
            RoundScript(image, ((NoteKind.IMAGE, 7), (NoteKind.CONSTAT, 3))),
        ),
        sayings=tuple(sayings),
    )


WORKSHOP_1 = WorkshopScript(
    groups=tuple(_workshop_1_group(indicator.number) for indicator in INDICATORS),
    two_rounds=(0, 1),
    openings={
        NoteKind.CONSTAT: (
            "",
            "",
            "",
            "",
            "{at_commune}, ",
            "Chez nous, ",
            "Ici, ",
            "Pour moi, ",
            "Franchement, ",
            "Il faut dire que ",
            "On le voit bien : ",
        ),
        NoteKind.IMAGE: ("J'ai choisi ", "Moi, j'ai pris ", "Mon choix : ", ""),
    },
    tails={
        (NoteKind.CONSTAT, Pole.VITALITY): (
            " — il faut le préserver",
            ", et ça, c'est précieux",
            " ; il faudrait le faire savoir",
            ", ça marche parce que c'est simple",
            " — c'est une vraie richesse",
        ),
        (NoteKind.CONSTAT, Pole.DEPRESSION): (
            ", et ça empire",
            " ; personne ne s'en occupe vraiment",
            ", c'est de pire en pire",
            ", ça me préoccupe beaucoup",
            " — on en parle depuis des années",
        ),
    },
    personal=frozenset({NoteKind.CONSTAT}),
    wander=0.15,
)

# ---------------------------------------------------------------- workshop 2: tendances

#: The trends presented, and what the sub-groups said of each: (indicator, clause) per kind.
TRENDS_2: tuple[tuple[str, dict[NoteKind, tuple[tuple[int, str], ...]]], ...] = (
    (
        "Le vieillissement de la population",
        {
            NoteKind.TENDANCE: (
                (1, "un habitant sur trois a plus de soixante ans dans nos communes"),
                (3, "de plus en plus d'anciens vivent seuls dans de grandes maisons"),
                (2, "les aides à domicile ne suffisent plus à répondre aux demandes"),
                (4, "les bénévoles des associations ont presque tous plus de soixante-dix ans"),
            ),
            NoteKind.RISQUE: (
                (1, "les personnes âgées des hameaux risquent de se retrouver isolées"),
                (3, "tout va reposer sur les aidants familiaux, jusqu'à l'épuisement"),
                (4, "les associations risquent de disparaître avec leurs bénévoles"),
                (2, "l'EHPAD risque de devenir la seule solution faute de services à domicile"),
            ),
            NoteKind.OPPORTUNITE: (
                (3, "les jeunes retraités ont du temps et des compétences à partager"),
                (1, "les anciens sont la mémoire du village et peuvent la transmettre"),
                (4, "l'aide aux personnes âgées peut créer des emplois de proximité"),
                (3, "des colocations entre générations peuvent se développer"),
            ),
            NoteKind.INTENTION: (
                (3, "créer un réseau de visiteurs bénévoles pour les personnes seules"),
                (1, "organiser un repas partagé mensuel entre générations"),
                (2, "tenir une permanence d'aide aux démarches dans chaque mairie"),
                (4, "inviter les jeunes retraités à rejoindre les bureaux des associations"),
                (3, "recenser les personnes isolées avec le CCAS avant l'hiver"),
            ),
        },
    ),
    (
        "Les mobilités et l'éloignement des services",
        {
            NoteKind.TENDANCE: (
                (2, "les services se concentrent dans les villes-centres, à trente minutes"),
                (1, "les lignes de bus se limitent au transport scolaire"),
                (2, "le prix du carburant pèse de plus en plus sur les budgets"),
                (3, "le covoiturage se développe entre voisins, sans aucune organisation"),
            ),
            NoteKind.RISQUE: (
                (1, "ceux qui ne conduisent pas risquent de ne plus sortir du village"),
                (2, "les jeunes sans permis risquent de renoncer à une formation"),
                (3, "les familles vont dépendre encore plus de la voiture et des grands-parents"),
                (4, "la vie associative risque de se replier sur chaque commune"),
            ),
            NoteKind.OPPORTUNITE: (
                (3, "le transport solidaire peut créer du lien entre chauffeurs et passagers"),
                (2, "les services itinérants peuvent venir jusque dans les villages"),
                (1, "les trajets partagés sont aussi des occasions de se parler"),
                (4, "des habitants sont prêts à s'organiser si on leur donne un cadre"),
            ),
            NoteKind.INTENTION: (
                (3, "monter un transport solidaire avec des chauffeurs bénévoles"),
                (2, "faire venir un bus France Services dans les communes les plus éloignées"),
                (1, "créer des points de covoiturage signalés près des mairies"),
                (4, "proposer une navette pour les fêtes et les spectacles du territoire"),
                (2, "aider les jeunes à payer leur permis en échange d'heures de bénévolat"),
            ),
        },
    ),
    (
        "Le numérique et la dématérialisation",
        {
            NoteKind.TENDANCE: (
                (2, "toutes les démarches administratives passent en ligne"),
                (1, "les jeunes se parlent surtout par les réseaux sociaux"),
                (4, "le groupe Facebook du village remplace peu à peu le bulletin papier"),
                (3, "de plus en plus d'anciens ont une tablette offerte par leurs enfants"),
            ),
            NoteKind.RISQUE: (
                (2, "ceux qui ne maîtrisent pas internet risquent de perdre leurs droits"),
                (1, "les échanges en ligne risquent de remplacer les vraies rencontres"),
                (3, "les anciens vont dépendre de leurs proches pour chaque formulaire"),
                (2, "les zones blanches risquent de faire fuir les jeunes ménages"),
            ),
            NoteKind.OPPORTUNITE: (
                (4, "le numérique permet de faire connaître les initiatives locales"),
                (3, "des jeunes peuvent aider des anciens, et ça crée du lien"),
                (2, "la fibre arrive et permet de télétravailler depuis nos villages"),
                (1, "un groupe de messagerie par hameau peut servir à s'entraider"),
            ),
            NoteKind.INTENTION: (
                (3, "organiser des ateliers où les collégiens aident les aînés sur tablette"),
                (2, "ouvrir un point d'accès à internet accompagné à la médiathèque"),
                (4, "créer un agenda en ligne commun à toutes les associations"),
                (1, "garder un bulletin papier pour ceux qui ne sont pas connectés"),
                (2, "former les secrétaires de mairie à l'accompagnement numérique"),
            ),
        },
    ),
    (
        "L'arrivée de nouveaux habitants et le télétravail",
        {
            NoteKind.TENDANCE: (
                (1, "des familles arrivent de la ville depuis le Covid"),
                (4, "avec le télétravail, des gens restent au village en semaine"),
                (
                    2,
                    "l'immobilier monte et les jeunes du pays ne peuvent plus acheter",
                ),
                (1, "les lotissements se remplissent sans que les gens se rencontrent"),
            ),
            NoteKind.RISQUE: (
                (
                    1,
                    "le village risque de se couper entre anciens et nouveaux habitants",
                ),
                (4, "les nouveaux risquent de profiter du village sans s'y engager"),
                (2, "les jeunes du territoire risquent de devoir partir faute de logement"),
                (3, "des conflits de voisinage peuvent naître autour du bruit ou des chemins"),
            ),
            NoteKind.OPPORTUNITE: (
                (4, "les nouveaux arrivants apportent des idées et des compétences"),
                (1, "de nouvelles familles, c'est l'école qui garde ses classes"),
                (4, "certains télétravailleurs ont du temps pour s'investir en semaine"),
                (3, "des parrainages entre anciens et nouveaux habitants peuvent se créer"),
            ),
            NoteKind.INTENTION: (
                (
                    1,
                    "organiser chaque automne un accueil des nouveaux arrivants par commune",
                ),
                (4, "proposer aux nouveaux de rejoindre une association dès leur arrivée"),
                (2, "éditer un livret d'accueil avec les services et les contacts utiles"),
                (3, "mettre en place des parrains et marraines de quartier"),
                (1, "ouvrir un tiers-lieu pour télétravailleurs qui soit aussi un café associatif"),
            ),
        },
    ),
)

#: Risks lean to the depression pole, opportunities to the vitality pole.
KIND_POLES: dict[NoteKind, Pole] = {
    NoteKind.RISQUE: Pole.DEPRESSION,
    NoteKind.OPPORTUNITE: Pole.VITALITY,
}

ROUNDS_2: tuple[RoundScript, ...] = (
    RoundScript(
        "Quels signes de cette tendance voyez-vous déjà chez nous ?",
        (
            (NoteKind.TENDANCE, 7),
            (NoteKind.RISQUE, 1),
            (NoteKind.OPPORTUNITE, 1),
            (NoteKind.INTENTION, 1),
        ),
    ),
    RoundScript(
        "Quels risques et quelles opportunités pour la vitalité sociale ?",
        ((NoteKind.RISQUE, 5), (NoteKind.OPPORTUNITE, 5), (NoteKind.TENDANCE, 1)),
    ),
    RoundScript(
        "Quelles intentions d'action proposez-vous face à cette tendance ?",
        ((NoteKind.INTENTION, 9), (NoteKind.OPPORTUNITE, 1)),
    ),
)

WORKSHOP_2 = WorkshopScript(
    groups=tuple(
        GroupScript(
            theme=title,
            indicator=None,
            rounds=ROUNDS_2,
            sayings=tuple(
                Saying(text, kind, indicator, KIND_POLES.get(kind))
                for kind, said in sayings.items()
                for indicator, text in said
            ),
        )
        for title, sayings in TRENDS_2
    ),
    two_rounds=(1, 2),
    openings={
        NoteKind.TENDANCE: (
            "",
            "",
            "On le voit déjà : ",
            "{at_commune}, ",
            "Les chiffres le montrent : ",
            "C'est net depuis quelques années : ",
        ),
        NoteKind.RISQUE: (
            "",
            "",
            "Si on ne fait rien, ",
            "À terme, ",
            "Le danger : ",
            "Attention : ",
        ),
        NoteKind.OPPORTUNITE: (
            "",
            "",
            "C'est une chance : ",
            "Il y a une carte à jouer : ",
            "Côté positif, ",
            "{at_commune}, ",
        ),
        NoteKind.INTENTION: ("", "", "On pourrait ", "Il faudrait ", "Proposition : ", "Idée : "),
    },
    tails={
        (NoteKind.RISQUE, None): (
            ", surtout dans les hameaux",
            " — et ça va vite",
            ", si rien ne change d'ici dix ans",
        ),
        (NoteKind.OPPORTUNITE, None): (
            " — à condition de s'organiser",
            ", si on accompagne le mouvement",
            " : il faut la saisir",
        ),
        (NoteKind.INTENTION, None): (
            " dès le printemps",
            " avec l'appui de la CC",
            " en testant d'abord {at_commune}",
            " avec les associations volontaires",
            " en lien avec le centre social",
        ),
    },
    personal=frozenset({NoteKind.TENDANCE, NoteKind.RISQUE, NoteKind.OPPORTUNITE}),
    wander=0.1,
)

# ---------------------------------------------------------------- workshop 3: scénario

#: The actions kept by the vote, the indicator each serves, and how the sub-groups deepen
#: them (infinitive clauses: what to do).
ACTIONS_3: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        "Un transport solidaire entre les villages",
        3,
        (
            "s'appuyer sur le centre social pour coordonner les chauffeurs bénévoles",
            "demander à la CC de prendre en charge l'assurance des conducteurs",
            "lancer un appel aux chauffeurs dans le bulletin de janvier",
            "tester d'abord le trajet du jeudi vers le marché du bourg",
            "confier la prise des rendez-vous au secrétariat de la CC",
            "fixer une participation de quelques euros pour couvrir l'essence",
            "compter les trajets chaque mois pour suivre l'action",
            "associer l'ADMR pour repérer les personnes qui en ont besoin",
        ),
    ),
    (
        "Un café associatif itinérant",
        1,
        (
            "faire tourner le café chaque samedi dans une commune différente",
            "demander au foyer rural de porter l'association",
            "récupérer du mobilier auprès des communes pour équiper le café",
            "ouvrir un premier samedi d'essai avant l'été",
            "inviter les producteurs locaux à vendre sur place",
            "proposer une animation à chaque fois : jeux, lecture, musique",
            "viser une trentaine de personnes dès les premières fois",
            "prévoir un minibus pour amener les anciens des hameaux",
        ),
    ),
    (
        "Des permanences d'aide aux démarches dans les mairies",
        2,
        (
            "ouvrir une permanence par semaine dans chaque mairie, à tour de rôle",
            "former deux bénévoles par commune avec l'aide de France Services",
            "annoncer les permanences dans le bulletin et chez les commerçants",
            "commencer par les trois communes les plus éloignées du bourg",
            "acheter un ordinateur portable et une imprimante qui tournent entre les mairies",
            "travailler avec l'assistante sociale pour les situations difficiles",
            "noter le nombre de personnes reçues et de démarches réglées",
            "signer une convention avec la CAF et la CPAM",
        ),
    ),
    (
        "Un accueil des nouveaux arrivants porté par les associations",
        4,
        (
            "organiser une soirée d'accueil chaque automne à la salle des fêtes",
            "confier l'action au collectif des nouveaux arrivants et au comité des fêtes",
            "rédiger un livret d'accueil avec toutes les associations",
            "demander aux mairies de transmettre les contacts des nouveaux inscrits",
            "proposer à chaque nouveau un parrain habitant le même quartier",
            "faire une première soirée en octobre prochain",
            "compter combien de nouveaux rejoignent une association dans l'année",
            "associer l'école et les assistantes maternelles pour toucher les familles",
        ),
    ),
)

#: Facts raised while deepening any action (constats of workshop 3).
CONSTATS_3: tuple[str, ...] = (
    "la salle des fêtes {of_commune} est déjà prise presque tous les samedis",
    "on a essayé quelque chose de ce genre il y a dix ans, ça s'est arrêté faute de bénévoles",
    "la CC a un minibus qui ne sert que pendant les vacances scolaires",
    "le budget des communes est déjà très serré pour l'an prochain",
    "une action proche existe dans la communauté de communes voisine",
    "les associations sont prêtes à aider mais pas à tout porter",
    "le centre social a déjà une animatrice qui pourrait coordonner",
    "l'assurance des bénévoles est souvent un frein",
    "plusieurs personnes présentes ce soir se sont déjà proposées",
    "les élus {of_commune} ont donné leur accord de principe",
)

ROUNDS_3: tuple[RoundScript, ...] = (
    RoundScript(
        "Qui porte l'action, et avec quels partenaires ?",
        ((NoteKind.INTENTION, 7), (NoteKind.CONSTAT, 3)),
    ),
    RoundScript(
        "Quelle première étape, et pour quand ?",
        ((NoteKind.INTENTION, 8), (NoteKind.CONSTAT, 2)),
    ),
    RoundScript(
        "À quoi verra-t-on que l'action réussit ?",
        ((NoteKind.INTENTION, 6), (NoteKind.CONSTAT, 4)),
    ),
)

WORKSHOP_3 = WorkshopScript(
    groups=tuple(
        GroupScript(
            theme=title,
            indicator=indicator,
            rounds=ROUNDS_3,
            sayings=(
                *(Saying(text, NoteKind.INTENTION, indicator) for text in intentions),
                *(Saying(text, NoteKind.CONSTAT, indicator) for text in CONSTATS_3),
            ),
        )
        for title, indicator, intentions in ACTIONS_3
    ),
    two_rounds=(0, 1),
    openings={
        NoteKind.INTENTION: (
            "",
            "",
            "Il faudrait ",
            "On pourrait ",
            "Proposition : ",
            "Pour bien faire, il faudrait ",
        ),
        NoteKind.CONSTAT: (
            "",
            "",
            "Attention : ",
            "À savoir : ",
            "Pour info, ",
            "Point de vigilance : ",
        ),
    },
    tails={
        (NoteKind.INTENTION, None): (
            " dès janvier",
            " avant l'été",
            ", à voir avec la CC",
            " avec deux ou trois volontaires pour commencer",
        ),
        (NoteKind.CONSTAT, None): (" ; il faudra en tenir compte", ", à vérifier"),
    },
    personal=frozenset({NoteKind.CONSTAT}),
    wander=0.0,
)

# ---------------------------------------------------------------- workshop 4: charte

#: One charter article per indicator, and the commitments proposed for it (clauses).
ARTICLES_4: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        "Article 1 — Se retrouver",
        1,
        (
            "chaque commune s'engage à ouvrir sa salle une fois par mois pour un temps convivial",
            "les associations s'engagent à inviter les habitants isolés à leurs fêtes",
            "nous nous engageons à accueillir nous-mêmes les nouveaux voisins",
            "la CC s'engage à soutenir un lieu de rencontre dans chaque bassin de vie",
            "le café associatif s'engage à passer au moins une fois par an dans chaque commune",
            "les habitants s'engagent à faire vivre la fête des voisins dans chaque quartier",
        ),
    ),
    (
        "Article 2 — S'informer et trouver sa place",
        2,
        (
            "les mairies s'engagent à relayer chaque information utile sur papier et en ligne",
            "la CC s'engage à maintenir des permanences d'aide aux démarches",
            "les acteurs locaux s'engagent à orienter chaque personne vers le bon interlocuteur",
            "nous nous engageons à partager ce que nous savons des aides et des droits",
            "les élus s'engagent à rendre compte chaque année de la charte en réunion publique",
            "le bulletin intercommunal s'engage à publier l'agenda de toutes les associations",
        ),
    ),
    (
        "Article 3 — S'entraider",
        3,
        (
            "les habitants volontaires s'engagent à rejoindre le réseau de transport solidaire",
            "les associations s'engagent à se prêter matériel et bénévoles",
            "la CC s'engage à assurer les bénévoles du transport solidaire",
            "nous nous engageons à prendre des nouvelles de nos voisins âgés chaque semaine",
            "le CCAS s'engage à tenir à jour la liste des personnes isolées avant chaque hiver",
            "les aidants familiaux pourront compter sur un relais d'une demi-journée par mois",
        ),
    ),
    (
        "Article 4 — Agir ensemble",
        4,
        (
            "les élus s'engagent à associer les habitants aux projets dès le départ",
            "les associations s'engagent à ouvrir leurs bureaux aux nouveaux membres",
            "la CC s'engage à reconduire le budget participatif chaque année",
            "nous nous engageons à porter au moins une initiative nouvelle par commune",
            "les jeunes du conseil municipal des jeunes seront invités à chaque comité de suivi",
            "chaque commune s'engage à désigner un référent vitalité sociale",
        ),
    ),
)

#: How people react to the work presented (constats of workshop 4: no indicator).
CONSTATS_4: tuple[str, ...] = (
    "on retrouve bien ce qu'on avait dit au premier atelier",
    "ça fait plaisir de voir que les élus ont joué le jeu jusqu'au bout",
    "les quatre actions retenues se complètent bien",
    "il manque encore les jeunes dans ce qu'on a construit",
    "le baromètre du début disait déjà la même chose que nous",
    "on a appris à travailler entre communes, c'est déjà un résultat",
    "il faudra du temps pour que tout ça se mette en place",
    "les habitants des hameaux ont été bien entendus",
    "certaines idées du deuxième atelier sont passées à la trappe",
    "la démarche a donné envie à des gens qui ne venaient jamais",
)

ROUNDS_4: tuple[RoundScript, ...] = (
    RoundScript(
        "Que retenez-vous des travaux présentés ce soir ?",
        ((NoteKind.CONSTAT, 9), (NoteKind.INTENTION, 1)),
    ),
    RoundScript(
        "Comment formuler l'engagement de cet article ?",
        ((NoteKind.INTENTION, 8), (NoteKind.CONSTAT, 2)),
    ),
    RoundScript(
        "Qui s'engage, et à quoi ?",
        ((NoteKind.INTENTION, 9), (NoteKind.CONSTAT, 1)),
    ),
)

WORKSHOP_4 = WorkshopScript(
    groups=tuple(
        GroupScript(
            theme=title,
            indicator=indicator,
            rounds=ROUNDS_4,
            sayings=(
                *(Saying(text, NoteKind.INTENTION, indicator) for text in commitments),
                *(Saying(text, NoteKind.CONSTAT) for text in CONSTATS_4),
            ),
        )
        for title, indicator, commitments in ARTICLES_4
    ),
    two_rounds=(0, 1),
    openings={
        NoteKind.INTENTION: (
            "",
            "",
            "Proposition d'engagement : ",
            "À écrire dans la charte : ",
            "Formulation proposée : ",
        ),
        NoteKind.CONSTAT: (
            "",
            "",
            "Ce que je retiens : ",
            "{at_commune}, on l'a bien senti : ",
            "Pour moi, ",
        ),
    },
    tails={
        (NoteKind.INTENTION, None): (
            ", avec un point d'étape chaque année",
            " dès l'an prochain",
            ", à évaluer dans deux ans",
        ),
        (NoteKind.CONSTAT, None): (" ; c'est à noter dans le compte rendu",),
    },
    personal=frozenset(),  # reactions to the work shown, not one's own experience
    wander=0.1,
)

#: The four workshops in order.
WORKSHOP_SCRIPTS: tuple[WorkshopScript, ...] = (WORKSHOP_1, WORKSHOP_2, WORKSHOP_3, WORKSHOP_4)
