"""Workshop 2 contents: trends, risks and opportunities, intentions, the scenario sketch."""
