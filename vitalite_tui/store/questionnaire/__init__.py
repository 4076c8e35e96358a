"""The sociability questionnaire (step 3): definitions, sheets, import, measured barometer."""
