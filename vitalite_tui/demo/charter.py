"""The demo's action sheets and charter: sheets for the kept actions, articles, signatures.

Both fills run after the vote has kept its actions; without kept actions they do nothing.
"""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import registry_number
from vitalite_tui.domain.charter import SheetContent, default_charter_title
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.text import fold
from vitalite_tui.store.charter.records import ArticleDraft, CharterHeading, SignatoryDraft
from vitalite_tui.store.preparation.records import ParticipantRecord

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext

#: Its own seed, so that what is drawn here neither depends on nor shifts earlier fills.
SEED = "vitalite-demo-charter"

#: Sheets as sub-groups fill them, each with the words (folded) of the actions it fits.
SHEETS: tuple[tuple[tuple[str, ...], SheetContent], ...] = (
    (
        ("repas", "cafe", "rencontre", "fete", "lieu"),
        SheetContent(
            porteur="Centre social, avec un élu référent",
            partners="Foyers ruraux, mairies, épicerie solidaire",
            public="Habitants des hameaux, personnes âgées isolées, nouveaux arrivants",
            means="La salle des fêtes, un repas à prix libre, une dizaine de bénévoles",
            calendar="Un premier repas au printemps, puis chaque mois, bilan en octobre",
            first_step="Réunir les foyers ruraux pour fixer les dates et les communes",
            success_sign="Une quarantaine de convives de tous âges au bout de trois mois",
            indicators=(1, 3),
        ),
    ),
    (
        ("transport", "chauffeur", "mobilite", "deplac"),
        SheetContent(
            porteur="Service mobilité de la communauté de communes",
            partners="ADMR, CCAS, conducteurs bénévoles",
            public="Personnes sans voiture, jeunes sans permis",
            means="Plateforme de réservation téléphonique, défraiement des conducteurs",
            calendar="Lancement à la rentrée",
            first_step="Recenser les conducteurs volontaires dans chaque commune",
            success_sign="Plus aucun rendez-vous médical manqué faute de transport",
            indicators=(2, 3),
        ),
    ),
    (
        ("visite", "seule", "isole", "voisin"),
        SheetContent(
            porteur="CCAS, avec l'ADMR",
            partners="Clubs des aînés, voisins volontaires, infirmières libérales",
            public="Personnes âgées ou seules, et ceux qui les aident",
            means="Un référent par commune, une courte formation des bénévoles",
            calendar="Premières visites à l'automne",
            first_step="Dresser avec les mairies la liste de ceux qui souhaitent une visite",
            success_sign="Chaque personne seule qui le souhaite reçoit une visite par semaine",
            indicators=(1, 3),
        ),
    ),
    (
        ("permanence", "demarche", "numerique"),
        SheetContent(
            porteur="Conseillers numériques de France services",
            partners="Secrétaires de mairie, médiathèque",
            public="Personnes peu à l'aise avec les démarches en ligne",
            means="Un poste et une imprimante par mairie, deux conseillers itinérants",
            calendar="Une permanence par mois et par mairie dès la rentrée",
            first_step="Fixer le calendrier des permanences avec les secrétaires de mairie",
            success_sign="Moins de dossiers abandonnés faute d'aide",
            indicators=(2,),
        ),
    ),
    (
        ("france services", "bus", "tournee"),
        SheetContent(
            porteur="Communauté de communes, avec la maison France services",
            partners="Mairies, CAF, MSA, conseillers numériques",
            public="Habitants éloignés des services, d'abord les plus âgés",
            means="Un véhicule aménagé, deux agents, un planning de tournées",
            calendar="Une demi-journée par mois dans chaque commune dès janvier",
            first_step="Choisir avec les mairies les lieux et les jours de passage",
            success_sign="Des démarches faites sur place plutôt qu'abandonnées",
            indicators=(2,),
        ),
    ),
    (
        ("covoiturage", "voiture", "arret", "stop"),
        SheetContent(
            porteur="Commission mobilité, avec les mairies",
            partners="Département, associations de parents, employeurs locaux",
            public="Actifs, lycéens, personnes sans voiture",
            means="Panneaux, abris, une page d'annonces partagée",
            calendar="Premiers points signalés avant l'été",
            first_step="Repérer avec chaque mairie l'emplacement le plus passant",
            success_sign="Des trajets partagés chaque semaine depuis chaque point",
            indicators=(1, 2),
        ),
    ),
    (
        ("livret", "guide", "accueil", "information", "contact"),
        SheetContent(
            porteur="Médiathèque intercommunale",
            partners="Mairies, France services, associations",
            public="Tous les habitants, d'abord les nouveaux arrivants",
            means="Un agent à mi-temps, un livret imprimé, une page en ligne",
            calendar="Livret prêt avant l'été, mis à jour chaque année",
            first_step="Rassembler ce que chaque mairie sait déjà des services",
            success_sign="Les nouveaux arrivants savent à qui s'adresser dès leur installation",
            indicators=(2, 4),
        ),
    ),
    (
        ("jeune", "association", "nouveaux", "rejoindre"),
        SheetContent(
            porteur="Comité des fêtes, avec les associations sportives",
            partners="Conseil municipal des jeunes, office de tourisme",
            public="Jeunes de 12 à 25 ans",
            means="Salle des fêtes, petit budget d'animation",
            calendar="Une soirée par trimestre",
            first_step="Laisser les jeunes choisir la première soirée",
            success_sign="Des jeunes dans les bureaux des associations d'ici deux ans",
            indicators=(4,),
        ),
    ),
)

#: The sheet left half done, as happens when the evening runs late.
INCOMPLETE = SheetContent(
    porteur="À désigner au prochain conseil communautaire",
    partners="Associations de la commune",
    public="Habitants du bourg et des hameaux",
)

PREAMBLE = (
    "Réunis en quatre ateliers, élus, acteurs locaux et habitants du {territory} ont fait "
    "ensemble l'état de la vitalité sociale de leur territoire, imaginé son avenir et choisi "
    "les actions à mener en premier.\n\n"
    "Par cette charte, les signataires s'engagent à faire vivre ces actions, chacun à sa "
    "mesure, et à se retrouver chaque année pour en faire le bilan."
)

ARTICLE_TEXT = (
    "Les signataires s'engagent à soutenir « {title} » : en relayer l'information, y "
    "prêter leurs moyens quand ils le peuvent, et en suivre les progrès avec les habitants."
)

#: An article of every charter of the method: how it will live on.
FOLLOW_UP = ArticleDraft(
    "Faire vivre la charte",
    "Un comité de suivi, ouvert aux trois collèges, se réunit chaque année, refait le "
    "baromètre de la vitalité sociale et rend compte aux habitants de ce qui a avancé.",
)

#: How many participants sign by name, and organisations without a named participant.
PEOPLE_SIGNING = 6
ORGANISATIONS_SIGNING = ("Association Familles rurales", "Mutualité sociale agricole")


def fill_action_sheets(context: DemoContext) -> None:
    """A sheet for each kept action: all complete but the last, left half done."""
    kept = context.store.action_sheets.all(context.demarche_id)
    unused = list(range(len(SHEETS)))
    for rank, action in enumerate(kept):
        if rank == len(kept) - 1 and len(kept) > 1:
            content = INCOMPLETE
        else:
            content = SHEETS[_fitting(action.title, unused)][1]
        context.store.action_sheets.save(action.action_id, content)


def _fitting(title: str, unused: list[int]) -> int:
    """The first unused sheet whose words the title has (else the first unused one)."""
    words = fold(title)
    if not unused:
        unused.extend(range(len(SHEETS)))
    chosen = next((i for i in unused if any(w in words for w in SHEETS[i][0])), unused[0])
    unused.remove(chosen)
    return chosen


def _workshop_date(context: DemoContext) -> date | None:
    return context.store.workshops.get(context.demarche_id, 4).date


def fill_charter(context: DemoContext) -> None:
    """A preamble, one article per kept action and one on follow-up, eight signatures."""
    if not context.store.action_sheets.all(context.demarche_id):
        return
    charters = context.store.charter
    signed_on = _workshop_date(context)
    charters.save_heading(
        context.demarche_id,
        CharterHeading(
            # The territory's own name: the démarche bears a « being built » one until the end.
            default_charter_title(data.TERRITORY),
            PREAMBLE.format(territory=data.SHORT_TERRITORY),
            signed_on,
        ),
    )
    for article_id in charters.draft_articles(context.demarche_id):
        article = charters.article(article_id)
        charters.update_article(
            article_id, ArticleDraft(article.title, ARTICLE_TEXT.format(title=article.title))
        )
    follow_up = charters.add_article(context.demarche_id, FOLLOW_UP)
    axes = [o.id for o in charters.origin_choices(context.demarche_id) if o.kind is LinkKind.AXIS]
    charters.set_origins(follow_up, axes)
    rng = random.Random(SEED)
    for person in _signing_people(context, rng):
        charters.add_signatory(
            context.demarche_id,
            SignatoryDraft(participant=person.code, signed_on=signed_on),
        )
    for organisation in ORGANISATIONS_SIGNING:
        charters.add_signatory(
            context.demarche_id,
            SignatoryDraft(organisation=organisation, signed_on=signed_on),
        )


def _signing_people(context: DemoContext, rng: random.Random) -> list[ParticipantRecord]:
    """Two of each collège, drawn among those with an organisation or a mandate first."""
    people = sorted(context.store.participants.all(context.demarche_id), key=registry_number)
    chosen: list[ParticipantRecord] = []
    per_college = PEOPLE_SIGNING // len(College)
    for college in College:
        group = [p for p in people if p.college is college]
        group.sort(key=lambda p: (not p.organisation, registry_number(p)))
        pool = group[: per_college * 3]
        chosen += sorted(rng.sample(pool, min(per_college, len(pool))), key=registry_number)
    return chosen
