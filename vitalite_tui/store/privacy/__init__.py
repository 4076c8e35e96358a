"""Personal data that ends: the purge of a finished démarche and its retention date."""
