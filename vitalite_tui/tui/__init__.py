"""The Textual shell over the store. Imported only when the TUI starts."""
