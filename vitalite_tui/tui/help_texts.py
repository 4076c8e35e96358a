"""The F1 help texts, by screen and by part: what each is for and its keys (French)."""

from __future__ import annotations

from collections.abc import Mapping

from vitalite_tui.domain.barometer import FORMULA
from vitalite_tui.domain.felt import FELT_FORMULA

# --- home and a démarche's steps

HOME_SCREEN = (
    "Les démarches enregistrées dans cette base. ↑↓ pour en choisir une, ⏎ pour l'ouvrir ; "
    "n pour en créer une, d pour essayer la démarche de démonstration."
)
DEMARCHE_SCREEN = (
    "Les sept étapes de la démarche : ✔ terminée, ● en cours, ○ à faire. "
    "↑↓ pour choisir une étape, ⏎ pour l'ouvrir ; son chiffre (1 à 7) l'ouvre directement."
)

# --- step 1 and the registry, step 2

STEP_1_SCREEN = (
    "Étape 1 : la démarche est présentée aux élus et au technicien, puis le conseil "
    "communautaire délibère. Les dates se tapent JJ/MM/AAAA ; la décision se choisit avec "
    "←/→ ou les chiffres 1 à 4. Échap enregistre ce qui a changé avant de revenir."
)
PARTICIPANTS_SCREEN = (
    "Registre des participants : tapez quelques lettres pour filtrer (accents et "
    "majuscules indifférents), ↓ pour descendre dans la liste, Échap pour tout revoir. "
    "Chaque collège devrait compter pour un tiers ; la démarche prévoit au plus "
    "50 participants. u annule la dernière inscription, modification ou suppression (la "
    "touche dit laquelle). Une personne inscrite deux fois (même nom et même commune, "
    "majuscules, accents et espaces à part) est signalée : d liste ces doublons et en réunit "
    "deux en une seule personne, qui garde les présences, notes et votes des deux."
)
STEP_2_SCREEN = (
    "Étape 2 : le comité de pilotage fixe le planning des quatre ateliers, le rôle de "
    "chacun, la logistique et le questionnaire. F5 à F8 passent d'une partie à l'autre ; "
    "tout est enregistré dès la validation."
)

# --- step 3: the questionnaires and the barometer

STEP_3_SCREEN = (
    "Étape 3 : le questionnaire de sociabilité, rempli sur papier par les habitants, est "
    "saisi ici. n (ou Inser) ouvre la saisie rapide : une touche par réponse, la fiche "
    "suivante commence seule. ⏎ corrige la fiche choisie, v la vérifie (on la retape "
    "sans voir la première saisie, puis on tranche chaque différence), w les vérifie toutes "
    "à la suite (la fiche non vérifiée suivante s'ouvre dès qu'une est vérifiée ; Échap "
    "arrête la série), Suppr la retire "
    "et u la fait revenir. s liste les fiches saisies sur deux postes qui diffèrent. "
    "b montre le baromètre calculé à partir des fiches. i imprime "
    "10 fiches papier numérotées, après le dernier numéro imprimé ou saisi (PDF dans "
    "exports/ ; « vitalite print questionnaire » pour un autre nombre ou une fiche vierge). "
    "Réponses : questions répondues sur le total («\u00a0sans réponse\u00a0» ne compte pas) ; "
    "État : ✔ vérifiée, import = venue d'un tableur (commande «\u00a0vitalite questionnaire "
    "import\u00a0»)."
)
SECOND_ENTRIES_SCREEN = (
    "Les fiches papier saisies sur deux postes (vues en lisant leurs paquets) dont les "
    "saisies diffèrent : la seconde saisie vaut vérification à l'aveugle. ⏎ montre les "
    "différences de la fiche choisie, une à une ; 1 garde la valeur de la première saisie, "
    "2 prend celle de l'autre poste. Après la dernière, la fiche est vérifiée. Échap "
    "revient à la liste sans rien changer."
)
SHEET_ENTRY_SCREEN = (
    "Saisie des questionnaires papier. En haut : le n° de la fiche (proposé, modifiable) "
    "et la commune (tapez le début : ⏎ ou → prend la commune proposée ; vide = non "
    "renseignée). Puis une ligne par question : tapez UN chiffre par réponse, la ligne "
    "suivante vient seule (1 à 4 sur l'échelle d'accord, 0 = sans réponse ; pour le "
    "profil : le numéro du choix, 0 = non renseigné). ⌫ revient à la ligne précédente et "
    "l'efface, ↑↓ se déplacent sans rien changer, ⏎ garde la réponse et passe à la "
    "suivante, Page↑ et Page↓ (PgUp, PgDn) sautent de dix lignes, Fin (End) va à la "
    "première ligne sans réponse, F5 va à une question par son code (I2_V3, ou son début, "
    "puis ⏎). Sous les lignes, la question en cours est écrite en entier, avec ses "
    "touches. Un champ marqué * est obligatoire au questionnaire (sur téléphone, il ne "
    "peut rester vide) : ici, laissez-le vide seulement si la fiche papier ne le donne "
    "pas. Dès la dernière réponse, la fiche est enregistrée et la suivante commence, "
    "le curseur sur la commune. F2 enregistre une fiche incomplète telle quelle : une "
    "question non tapée compte « sans réponse » dans le baromètre. Échap avec une fiche "
    "commencée demande quoi en faire (rien n'est perdu sans qu'on l'ait choisi). "
    "En vérification, la fiche est retapée sans voir la première saisie ; chaque "
    "différence se tranche d'une touche : 1 garde la première saisie, 2 prend la nouvelle. "
    "En série (w sur la liste des fiches), la fiche non vérifiée suivante s'ouvre dès que "
    "celle-ci est vérifiée ; Échap arrête la série."
)
BAROMETER_SCREEN = (
    "Le baromètre mesuré, calculé à partir des questionnaires de sociabilité saisis. "
    "Chaque barre va du pôle dépression (à gauche) au pôle vitalité (à droite) ; le "
    "nombre est la position moyenne (0 à 100), n le nombre de répondants comptés. "
    "s montre le baromètre par segment (commune, âge…), une barre par valeur ; "
    "⏎ montre ou cache le détail (V, D, répartition). Sous le mesuré, la ligne "
    "« ressenti » : le baromètre placé par les participants de l'atelier 1 ; c le "
    "montre aussi par collège (le mesuré, lui, n'a pas de collège).\n\n"
    f"Le calcul. {FORMULA}\n\n{FELT_FORMULA}"
)

# --- the workshops: set-up, capture, plenary, restitution

WORKSHOP_SCREEN = (
    "Atelier : F5 le déroulé de la soirée, F6 les présences (Espace coche, / filtre, "
    "a inscrit un nouveau venu, i imprime la feuille d'émargement), F7 les sous-groupes "
    "(f les forme, m déplace une personne, Maj+↑↓ change l'ordre de parole, e les nomme, "
    "⏎ ouvre la saisie, i imprime les en-têtes de mur), F8 le rappel de l'atelier "
    "précédent. Tout est enregistré dès la validation ; chaque impression est un PDF "
    "dans exports/."
)
CAPTURE_SCREEN = (
    "Saisie des tours d'expression. Tapez ce qui est dit, puis ⏎ : la note est enregistrée pour"
    " la personne marquée ▶, et la ligne ne se vide qu'une fois la note enregistrée. Tab passe "
    "à la personne suivante dans l'ordre de parole (Maj+Tab : la précédente), F2 note qu'elle "
    "passe son tour, F3 rend la note suivante anonyme. Un texte tapé reste à la personne pour "
    "qui il a été tapé : Tab, Maj+Tab, F2 ou F12 avec du texte dans la ligne l'enregistrent "
    "d'abord pour elle (F2 ne compte alors pas de passe), puis la parole passe ; une tabulation"
    " dans un texte collé fait de même. Les étiquettes restent posées jusqu'à ce qu'on les "
    "change : F4 à F7 choisissent l'indicateur (la même touche le garde, Maj+F4 l'enlève), F8 "
    "le pôle, F9 puis une lettre le type de note (son initiale, montrée sur la ligne des "
    "étiquettes : C constat, I image ou intention, T tendance, R risque, O opportunité ; Échap "
    "le laisse). ✔ a parlé, ▶ parle, — a passé ; le chiffre compte ses prises de parole dans le"
    " tour, en gras ceux qui n'ont pas encore parlé. Ctrl+Z ou F10 retire la dernière note "
    "(Ctrl+Y ou Maj+F10 la rétablit) ; ↑ sur une ligne vide ou F11 reprend la dernière note "
    "pour la corriger (↑/↓ pour une autre), ⏎ enregistre la correction (l'ancien état est "
    "gardé) ; en correction, Tab (Maj+Tab) donne la note à une autre personne ou la rend "
    "anonyme (la personne d'avant reste dans l'historique de la note) et F11 montre cet "
    "historique : chaque texte, étiquettes et personne d'avant. Échap abandonne la correction. "
    "F12 commence un nouveau tour : la question proposée suit l'atelier et le thème du "
    "sous-groupe (à l'atelier 2, la tendance choisie) ; elle est sélectionnée, taper la "
    "remplace et ⏎ la garde. À l'atelier 2, la tendance du tour est dans l'en-tête, et un "
    "nouveau tour commence sur la tendance dont le sous-groupe n'a pas encore parlé (sinon sur "
    "«\u00a0aucune\u00a0») ; F3 en change. Page↑/Page↓ montrent les tours précédents : "
    "on peut y corriger"
    " ou retirer une note, mais une nouvelle note ou une passe va toujours dans le tour en "
    "cours, qui revient alors à l'écran. Un texte collé sur plusieurs lignes est gardé en "
    "entier, sur une ligne. Ctrl+R montre la répartition de la parole (par personne et par "
    "collège, dans le sous-groupe et dans tout l'atelier), Ctrl+P la vue de restitution pour le"
    " vidéoprojecteur. Échap avec un texte non enregistré propose de l'enregistrer d'abord."
)
PLENARY_SCREEN = (
    "Restitution en plénière, pour le vidéoprojecteur : les notes des sous-groupes, "
    "regroupées par indicateur et par pôle, sans aucun nom de participant. ←/→ passent "
    "d'un sous-groupe à l'autre, Page↓ ou Espace font défiler (Page↑ pour remonter), "
    "t montre tous les sous-groupes côte à côte (t à nouveau : un seul), r la restitution "
    "de toute la démarche (baromètre ressenti et mesuré, intentions par axe…). Rien ne "
    "peut être modifié ici."
)
RESTITUTION_SCREEN = (
    "Restitution de la démarche, pour le vidéoprojecteur : le baromètre mesuré et "
    "ressenti, les axes du débrief, les intentions par axe, l'esquisse de scénario, les "
    "actions retenues et la charte, sans aucun nom. ←/→ changent de page, 1 à 6 vont à "
    "une page, Page↓/Espace font défiler. Rien ne peut être modifié ici."
)

# --- a workshop's contents (one part per F-key)

CONTENTS_SCREEN = "Contenus de l'atelier : une partie par touche F5 à F8."
FELT_PART = (
    "Baromètre ressenti de l'atelier 1 : chaque personne présente place chaque indicateur "
    "de 0 (pôle dépression) à 10 (pôle vitalité). Une touche par valeur : 0 à 9, et x "
    "pour 10. La case suivante vient seule : I1, I2, I3, I4, puis la personne suivante ; "
    "la personne est enregistrée dès sa quatrième valeur. ⏎ garde la valeur d'une case, "
    "⌫ revient à la case précédente et l'efface, ←→ changent de case sans rien effacer, "
    "↑↓ changent de personne (une ligne commencée doit d'abord être enregistrée), F2 "
    "enregistre une personne telle quelle (valeurs manquantes), Suppr efface toutes ses "
    "valeurs. * : tapé, pas encore enregistré ; ✔ : quatre valeurs enregistrées ; … : "
    "certaines seulement.\n\n"
    "g passe aux gommettes, quand le groupe vote avec des gommettes sur un mur : pour "
    "chaque indicateur, le nombre de gommettes sur chaque valeur de 0 à 10 ; tapez le "
    "nombre puis ⏎ (la case suivante vient), ⌫ efface un chiffre, Suppr met 0, ↑↓ "
    "changent d'indicateur, Maj+←→ de valeur, ←→ de collège (« tous » quand les "
    "gommettes ne sont pas comptées par collège). Un nombre retapé remplace le précédent.\n\n"
    "En bas : la moyenne sur 10 de chaque indicateur et le nombre n de placements, pour "
    "l'ensemble et par collège (les gommettes comptées pour « tous » ne comptent que dans "
    "l'ensemble). b ouvre le baromètre : le ressenti sous le mesuré des questionnaires."
)
IMAGES_PART = (
    "Images associées (photo-langage) de l'atelier 1 : pour une personne, la carte "
    "choisie (un numéro ou un mot-clé), l'indicateur et le pôle, et pourquoi. Chaque "
    "image est aussi une note de type « image » : elle paraît avec les notes, en "
    "plénière et dans la feuille Contributions. n note une image, ⏎ la corrige, Suppr "
    "la retire (avec sa note), u rétablit la dernière retirée. Pendant la saisie d'un "
    "tour, Ctrl+O note une image pour la personne qui a la parole, avec les étiquettes "
    "posées et le texte déjà tapé comme « pourquoi »."
)
DEBRIEF_PART = (
    "Débrief du lendemain matin : toutes les notes de l'atelier, à regrouper en axes de "
    "travail (« intentions pour l'avenir »). Filtres : g sous-groupe, i indicateur, p pôle, "
    "k type, x axe (tous, sans axe, chaque axe), / cherche dans le texte (accents "
    "indifférents), Échap revoit tout. Un chiffre 1–9 range la note choisie dans l'axe de ce "
    "numéro et passe à la suivante ; 0 la sort de son axe ; Espace marque plusieurs notes, "
    "puis un chiffre les range toutes ; ⏎ choisit l'axe dans une liste. n nomme un nouvel "
    "axe, e en modifie un, a ouvre la liste des axes (Suppr retire, u rétablit, Maj+↑↓ "
    "change l'ordre). Tout est enregistré aussitôt."
)
TRENDS_PART = (
    "Tendances de l'atelier 2 : le catalogue fourni, que l'on complète et reformule. "
    "Espace marque une tendance comme présentée (✔) : seules celles-là sont proposées "
    "aux tours d'expression des sous-groupes (F3 dans la fenêtre d'un nouveau tour). "
    "n ajoute une tendance locale, ⏎ la reformule, Maj+↑/↓ change l'ordre de "
    "présentation, Suppr la retire de la liste et u rétablit la dernière retirée. "
    "Sous la liste : les risques (R) et opportunités (O) notés pour la tendance "
    "choisie, par indicateur."
)
INTENTIONS_PART = (
    "Intentions d'action de l'atelier 2, rangées par axe de travail (les axes nommés au "
    "débrief de l'atelier 1). p reprend en intentions les notes « intention » des "
    "sous-groupes qui ne le sont pas encore (chacune garde le lien vers sa note). n en "
    "écrit une nouvelle, ⏎ la modifie, a lui donne l'axe suivant, l choisit les notes "
    "dont elle vient (risques, opportunités, intentions : Espace coche, les lettres "
    "filtrent). Suppr la retire, u rétablit la dernière retirée. « Or. » compte ses "
    "origines."
)
SCENARIO_PART = (
    "Esquisse du scénario, écrite au débrief de l'atelier 2 : un texte par indicateur. "
    "Tab passe d'un texte à l'autre, ⏎ va à la ligne. F4 propose un premier texte pour "
    "chaque indicateur à partir des intentions qui le portent (les textes vides sont "
    "remplis ; pour ceux déjà écrits, la question est posée). F2 enregistre les quatre "
    "textes ; rien n'est enregistré avant."
)
CANDIDATES_PART = (
    "Candidats au vote : i importe les intentions de l'atelier 2 (une action par "
    "intention, liée à elle ; refaire i n'ajoute que les nouvelles), n ajoute une action "
    "dite en séance, ⏎ la reformule, m fusionne l'action choisie dans une autre (ses "
    "origines la suivent : rien n'est perdu), u défait une fusion (sur une ligne ↳) ou "
    "remet une action retirée, Suppr la retire, Maj+↑/↓ la déplace. « Orig. » compte "
    "les intentions d'où vient l'action, fusions comprises."
)
VOTE_PART = (
    "Vote : tapez le nombre de gommettes lues sur le mur dans la case marquée ▶, puis ⏎ "
    "(la case suivante est l'action du dessous) ; ←/→ changent de collège (« s.coll. » : "
    "gommettes d'une seule couleur), ↑/↓ d'action, Suppr vide une case. b saisit le "
    "bulletin d'une personne présente (ses gommettes ne sont alors pas attendues sur le "
    "mur : rien n'est compté deux fois). s règle le vote, c le clôt (o le rouvre), "
    "r montre les résultats. i imprime l'affiche des actions candidates (PDF dans "
    "exports/ ; « vitalite print vote --a3 » en A3, « --ballots » les bulletins)."
)
RESULTS_PART = (
    "Résultats : rang (« 2= » : à égalité), total des gommettes (bulletins et mur), par "
    "collège, score pondéré quand les collèges pèsent autant chacun (les gommettes de "
    "chaque collège divisées par ses présents), ✔ retenue, ? à égalité sur la dernière "
    "place, ⚠ les collèges sont en désaccord (la part de leurs gommettes sur l'action "
    "diffère d'au moins 20 points). k choisit le nombre d'actions à retenir ; t ouvre "
    "un tour de départage entre les actions à égalité."
)
ACTION_SHEETS_PART = (
    "Fiches actions : une fiche par action retenue par le vote (porteur, partenaires, "
    "public, moyens, calendrier, première étape, signe de réussite, indicateurs). ⏎ "
    "ouvre la fiche de l'action choisie ; elle reste modifiable à tout moment. « 6/8 » "
    "dit combien de rubriques sont remplies ; ✔ quand la fiche est complète."
)
CHARTER_PART = (
    "Charte : un préambule et des articles (les engagements), chacun relié aux actions "
    "retenues et aux axes dont il vient. n nouvel article, ⏎ le modifier, l ses origines "
    "(Espace coche), Maj+↑/↓ le déplacer, Suppr le retirer, u rétablir le dernier retiré, "
    "d rédiger un article par action retenue qui n'en a pas encore, p titre, date "
    "d'adoption et préambule. i imprime la charte à signer (PDF dans exports/) ; "
    "« vitalite charter » l'écrit en Markdown."
)
SIGNATORIES_PART = (
    "Signataires de la charte : des participants (tapez leur code, P007, ou le début de "
    "leur nom) ou des structures (nom de la structure, et de qui signe pour elle), avec "
    "la date (JJ/MM/AAAA). n ajoute, ⏎ modifie, Suppr retire. La charte est signée "
    "publiquement : les noms des signataires figurent dans la charte imprimée."
)
LINEAGE_PART = (
    "Fil : choisissez un article (↑↓) ; dessous, d'où il vient : ses actions (et celles "
    "fusionnées avec elles), les intentions de l'atelier 2, leurs notes d'origine et "
    "leur axe, puis les notes de l'atelier 1 de cet axe. Tab passe au fil, ↑↓ le "
    "parcourent, ⏎ sur une note la lit en entier avec ce qu'elle a donné, Espace plie "
    "ou déplie une ligne."
)

# --- keys

#: Shown by F1 on every screen, first: F-keys that need Fn on most laptops have a twin.
# --- forms (registry): what each field and each consent means

FORM_DIALOG = (
    "Formulaire : ⏎ passe au champ suivant (sur le dernier : valide), F2 enregistre et "
    "ferme, Échap ferme sans enregistrer et demande d'abord si quelque chose a été tapé. "
    "Si un champ est refusé, le message s'affiche sous les champs et le curseur revient "
    "sur ce champ."
)
PARTICIPANT_FORM = (
    "Fiche d'un participant. Nom : prénom et nom, tels que la personne les donne. "
    "Collège : 1 élu, 2 acteur (association, entreprise, service), 3 habitant. Commune : "
    "tapez le début, ⏎ ou → prend la commune du territoire proposée ; une commune hors du "
    "territoire est signalée, avec les plus proches au choix. Structure et contact : "
    "facultatifs. Consentements, à demander à la personne : "
    "«\u00a0données conservées\u00a0» = ses données sont gardées pour la démarche ; "
    "«\u00a0recontacté(e)\u00a0» = elle peut être recontactée (invitations, restitution) ; "
    "«\u00a0nommé(e) dans les documents\u00a0» = son nom peut figurer dans les documents "
    "produits (sinon seul son code P007 y paraît). Être nommé(e) suppose des données "
    "conservées : cocher «\u00a0nommé(e)\u00a0» coche aussi «\u00a0données "
    "conservées\u00a0», et décocher ce dernier décoche «\u00a0nommé(e)\u00a0». Une personne "
    "déjà inscrite sous le même nom et la même commune est signalée : ouvrez sa fiche "
    "plutôt que de l'inscrire deux fois."
)
NEWCOMER_FORM = (
    "Nouveau venu à l'atelier : nom, collège (1 élu, 2 acteur, 3 habitant) et commune "
    "suffisent ; il est inscrit au registre et noté présent. Les consentements et le reste "
    "de la fiche se complètent ensuite dans le registre."
)
COMMITTEE_FORM = (
    "Membre du comité de pilotage. Nom : la personne ; Rôle : ce qu'elle fait dans la "
    "démarche (animateur, technicien, élu référent…) ; Structure : l'organisme qu'elle "
    "représente (facultatif)."
)

NO_FN_KEYS = (
    "Portable dont les touches F demandent Fn\u00a0: Ctrl+F puis le chiffre fait la "
    "touche F de ce numéro (Ctrl+F\u00a02 pour F2\u00a0; 0 pour F10, ) pour F11, = pour "
    "F12). Vos propres touches\u00a0: fichier touches.json du dossier des données (voir "
    "le README)."
)


def sober_note(reason: str) -> str:
    """Why the display is sober, and how to have the colours back."""
    return (
        f"Affichage sobre ({reason})\u00a0: ni animation ni curseur clignotant, 16 couleurs "
        "contrastées. Pour les couleurs habituelles\u00a0: vitalite sans --sobre, avec "
        "VITALITE_SOBRE=0."
    )


#: What F1 says a screen or a part is for, by class name (a subclass reads its base's).
HELP_TEXTS: Mapping[str, str] = {
    # home and a démarche's steps
    "HomeScreen": HOME_SCREEN,
    "DemarcheScreen": DEMARCHE_SCREEN,
    # step 1 and the registry, step 2
    "Step1Screen": STEP_1_SCREEN,
    "ParticipantsScreen": PARTICIPANTS_SCREEN,
    "Step2Screen": STEP_2_SCREEN,
    # step 3: the questionnaires and the barometer
    "Step3Screen": STEP_3_SCREEN,
    "SheetEntryScreen": SHEET_ENTRY_SCREEN,
    "SecondEntriesScreen": SECOND_ENTRIES_SCREEN,
    "BarometerScreen": BAROMETER_SCREEN,
    # the workshops: set-up, capture, plenary, restitution
    "WorkshopScreen": WORKSHOP_SCREEN,
    "CaptureScreen": CAPTURE_SCREEN,
    "PlenaryScreen": PLENARY_SCREEN,
    "RestitutionScreen": RESTITUTION_SCREEN,
    # forms (registry)
    "FormDialog": FORM_DIALOG,
    "ParticipantFormDialog": PARTICIPANT_FORM,
    "NewcomerFormDialog": NEWCOMER_FORM,
    "CommitteeFormDialog": COMMITTEE_FORM,
    # a workshop's contents (one part per F-key)
    "ContentsScreen": CONTENTS_SCREEN,
    "FeltPart": FELT_PART,
    "ImagesPart": IMAGES_PART,
    "DebriefPart": DEBRIEF_PART,
    "TrendsPart": TRENDS_PART,
    "IntentionsPart": INTENTIONS_PART,
    "ScenarioPart": SCENARIO_PART,
    "CandidatesPart": CANDIDATES_PART,
    "VotePart": VOTE_PART,
    "ResultsPart": RESULTS_PART,
    "ActionSheetsPart": ACTION_SHEETS_PART,
    "CharterPart": CHARTER_PART,
    "SignatoriesPart": SIGNATORIES_PART,
    "LineagePart": LINEAGE_PART,
}


def help_for(widget: object) -> str:
    """The help text of `widget`'s class, or of its nearest base that has one ("" if none)."""
    for cls in type(widget).__mro__:
        text = HELP_TEXTS.get(cls.__name__)
        if text is not None:
            return text
    return ""
