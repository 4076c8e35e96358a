"""The F1 texts live in one module, each named after the screen, part or form it explains."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import vitalite_tui.tui
from vitalite_tui.tui.help_texts import HELP_TEXTS, help_for
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.form import FormDialog
from vitalite_tui.tui.widgets.screen_part import ScreenPart


def tui_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in pkgutil.walk_packages(vitalite_tui.tui.__path__, "vitalite_tui.tui."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if inspect.isclass(value) and value.__module__ == loaded.__name__:
                found[name] = value
    return found


def test_every_text_names_a_screen_or_a_part() -> None:
    classes = tui_classes()
    for name, text in HELP_TEXTS.items():
        assert text.strip(), name
        assert name in classes, f"no class {name} for its help text"
        assert issubclass(classes[name], BaseScreen | ScreenPart | FormDialog), name


def test_no_class_keeps_a_help_text_of_its_own() -> None:
    leftovers = [name for name, cls in tui_classes().items() if "HELP" in vars(cls)]
    assert not leftovers


def test_a_subclass_reads_its_base_text() -> None:
    from vitalite_tui.tui.screens.workshops.contents import Workshop3Contents

    assert help_for(Workshop3Contents.__new__(Workshop3Contents)) == HELP_TEXTS["ContentsScreen"]
