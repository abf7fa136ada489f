"""`python -m cwkg` runs the command line, like the `cwkg` script."""

from cwkg.cli import run

run()
