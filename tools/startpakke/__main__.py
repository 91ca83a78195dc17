"""`python -m startpakke`: the same as the `startpakke` command."""

from .cli import app

if __name__ == "__main__":  # not when a print worker process imports it again
    app(prog_name="startpakke")
