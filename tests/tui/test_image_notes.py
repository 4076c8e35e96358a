"""Notes typed as kind « image » in a round are listed with the images, and become one."""

from __future__ import annotations

import pytest
from support.rounds import open_round

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.felt.records import ImageDraft
from vitalite_tui.tui.contents.images import NOTE_ROW, ImagesPart
from vitalite_tui.tui.dialogs.image_form import ImageFormDialog
from vitalite_tui.tui.screens.workshops.contents import contents_screen


async def test_an_image_note_is_listed_then_gets_its_card(store: Store, demarche_id: str) -> None:
    round_id = open_round(store, demarche_id)
    anne = store.workshops.present(demarche_id, 1)[0].participant.id
    note = store.capture.save_note(
        round_id, anne, "Le banc vide devant la mairie", NoteKind.IMAGE, 1, Pole.DEPRESSION
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(contents_screen(demarche_id, 1, initial="images"))
        part = app.screen.query_one(ImagesPart)
        await wait_for(pilot, lambda: part.loose)
        assert part.table.current_key == NOTE_ROW + note.id
        counts = str(part.query_one("#images-counts").render())
        assert "1 note « image » sans carte" in counts
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ImageFormDialog))
        await pilot.press(*"23", "f2")
        await wait_for(pilot, lambda: not part.loose and part.images)

    (image,) = store.images.all(demarche_id)
    assert (image.card, image.participant_id, image.indicator, image.pole, image.why) == (
        "23",
        anne,
        1,
        Pole.DEPRESSION,
        "Le banc vide devant la mairie",
    )
    # The same note, now the image's, and its typed text kept as a revision.
    assert image.note_id == note.id
    [kept] = store.capture.workshop_notes(demarche_id, 1)
    assert kept.text == "Carte 23 : Le banc vide devant la mairie"
    assert [r.text for r in store.capture.revisions(note.id)] == ["Le banc vide devant la mairie"]
    assert store.images.notes_without_card(demarche_id) == []


def test_a_note_removed_meanwhile_or_already_carded_is_refused_in_french(
    store: Store, demarche_id: str
) -> None:
    round_id = open_round(store, demarche_id)
    first = store.capture.save_note(round_id, None, "Une cabine", NoteKind.IMAGE)
    second = store.capture.save_note(round_id, None, "Un pont", NoteKind.IMAGE)
    store.capture.remove_note(first.id)
    with pytest.raises(NotFound, match="Note introuvable"):
        store.images.from_note(first.id, ImageDraft(None, "4"))
    store.images.from_note(second.id, ImageDraft(None, "9"))
    with pytest.raises(InvalidInput, match="déjà sa carte"):
        store.images.from_note(second.id, ImageDraft(None, "9"))
    assert [i.card for i in store.images.all(demarche_id)] == ["9"]
