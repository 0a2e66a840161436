"""Run the CLI from a checkout: ``python cli.py process examples/mailbag`` (same as ``xinfang``)."""
from xinfang_nlp.cli import app

if __name__ == "__main__":
    app()
