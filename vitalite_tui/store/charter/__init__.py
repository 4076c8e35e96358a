"""Workshop 4: action sheets, the charter and its signatories, the thread from notes to articles."""
