"""The four parts of the workshop screen (agenda, attendance, sub-groups, recap), one a module."""
