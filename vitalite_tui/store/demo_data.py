"""Made-up French names, villages and organisations for the demo démarche (all fictional)."""

from __future__ import annotations

from datetime import date, time

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
