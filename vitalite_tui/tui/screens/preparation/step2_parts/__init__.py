"""The four parts of step 2 (committee, workshops' planning, logistics, questionnaire)."""
