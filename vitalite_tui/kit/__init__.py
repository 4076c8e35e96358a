"""The offline install kit: wheels for every laptop, install scripts, launchers, LISEZMOI."""
