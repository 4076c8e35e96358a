"""Allow `python -m vitalite_tui`."""

from vitalite_tui.cli.main import main

if __name__ == "__main__":
    main()
