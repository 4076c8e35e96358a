"""Screens of step 3: the sheets, fast entry of paper sheets, the barometer."""
