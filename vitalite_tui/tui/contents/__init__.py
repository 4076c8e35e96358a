"""The contents of each workshop (felt barometer, axes, trends, vote, charter…), one part each."""
