"""Workshop 1 contents: the felt barometer, associated images, the debrief into work axes."""
