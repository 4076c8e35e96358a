"""Pure domain of the method: steps, indicators, collèges, workshops. No I/O."""
