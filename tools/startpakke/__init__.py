"""Startpakke: authoring toolkit for the course «Startpakke for samskaping»."""
