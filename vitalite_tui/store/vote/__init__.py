"""Workshop 3: candidate actions, the dot vote, its rounds and results."""
