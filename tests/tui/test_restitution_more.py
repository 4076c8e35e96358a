"""Restitution: the images chosen, the tie-break's outcome and the signatories, names only
for those who agreed to be named."""

from __future__ import annotations

from support.votes import INTENTIONS, ids_by_title, make_scene

from tui.conftest import SIZE, make_app, screen_lines, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.store import Store
from vitalite_tui.store.charter.records import ArticleDraft, SignatoryDraft
from vitalite_tui.store.felt.records import ImageDraft
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.vote.records import VoteSettingsDraft
from vitalite_tui.tui.screens.restitution import RestitutionScreen


def break_a_tie(store: Store, demarche_id: str) -> None:
    """Café first; transport and boîte tied for the second place; the boîte wins round 2."""
    scene = make_scene(store, demarche_id)
    store.votes.import_intentions(demarche_id)
    ids = ids_by_title(store, demarche_id)
    cafe, transport, boite, jardins = (ids[t] for t in INTENTIONS)
    store.votes.save_settings(demarche_id, VoteSettingsDraft(3, 2, keep_count=2))
    for action, dots in ((cafe, 9), (transport, 5), (boite, 5), (jardins, 1)):
        store.votes.set_tally(demarche_id, action, None, dots)
    store.votes.close(demarche_id)
    store.votes.start_tie_break(demarche_id)
    store.votes.save_ballot(demarche_id, scene.people["Bruno"], {boite: 1})
    store.votes.set_tally(demarche_id, transport, None, 2)
    store.votes.set_tally(demarche_id, boite, None, 2)
    store.votes.close(demarche_id)


async def test_images_tie_break_and_signatories_are_shown_without_unconsented_names(
    store: Store, demarche_id: str
) -> None:
    break_a_tie(store, demarche_id)
    hidden = store.participants.add(demarche_id, ParticipantDraft("Zoé Secrète", College.HABITANT))
    store.participants.add(
        demarche_id,
        ParticipantDraft(
            "Yves Public",
            College.ACTEUR,
            organisation="Comité des fêtes",
            consent_data=True,
            consent_named=True,
        ),
    )
    store.images.add(
        demarche_id,
        ImageDraft(hidden, "12 · banc public", 1, Pole.VITALITY, "On s'y retrouve le soir."),
    )
    store.charter.add_article(demarche_id, ArticleDraft("Se retrouver", "Des lieux ouverts."))
    store.charter.add_signatory(demarche_id, SignatoryDraft(participant="Zoé"))
    store.charter.add_signatory(demarche_id, SignatoryDraft(participant="Yves"))
    store.charter.add_signatory(
        demarche_id, SignatoryDraft(name="Jean Invité", organisation="Mairie")
    )

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RestitutionScreen(demarche_id))
        await wait_for(pilot, lambda: isinstance(app.screen, RestitutionScreen))
        await pilot.press("2")
        await wait_for(pilot, lambda: "Images choisies" in "\n".join(screen_lines(app)))
        text = "\n".join(screen_lines(app))
        assert "▸ 12 · banc public (Rendez-vous) — On s'y retrouve le soir." in text
        assert "Zoé" not in text

        await pilot.press("6")
        await wait_for(pilot, lambda: "DÉPARTAGE" in "\n".join(screen_lines(app)))
        text = "\n".join(screen_lines(app))
        assert "DÉPARTAGE · TOUR 2 · 1 place" in text
        assert f"✔ {INTENTIONS[2]}  3 gommettes  retenue" in text
        assert f"· {INTENTIONS[1]}  2 gommettes  non retenue" in text

        await pilot.press("7")
        await wait_for(pilot, lambda: "SIGNATAIRES · 3" in "\n".join(screen_lines(app)))
        text = "\n".join(screen_lines(app))
        assert "✍ Yves Public (Comité des fêtes)" in text
        assert "✍ Mairie" in text
        assert "✍ et 1 habitant·e, non nommés" in text
        # Neither the name of someone who did not consent, nor a guest's typed name.
        assert "Zoé" not in text
        assert "Jean Invité" not in text
