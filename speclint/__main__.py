"""`python -m speclint`."""

from speclint.cli import main

if __name__ == "__main__":
    main()
