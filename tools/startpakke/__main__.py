"""`python -m startpakke`: the same as the `startpakke` command."""

from .cli import app

app(prog_name="startpakke")
