"""The Textual shell over the store. Imported only when the TUI starts."""

from vitalite_tui.tui.french_wrap import keep_no_break_spaces

# Before any text is wrapped on screen: lines never break at a French no-break space.
keep_no_break_spaces()
