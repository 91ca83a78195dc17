"""Small valid courses written as YAML, for the site tests and the build benchmark.

Every course goes through the real loader, so what the tests build is what an editor could write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PHASES = [
    ("forsta", "Forstå utfordringen", "Finn ut hvem utfordringen gjelder, og hvordan den oppleves."),
    ("utvikle", "Utvikle ideer", "Lag mange ideer sammen med dem det gjelder."),
    ("velge", "Velge ideer", "Velg noen få ideer å gå videre med."),
    ("teste", "Prototype og test", "Lag enkle prototyper og prøv dem ut."),
]


def method_data(number: int, phase: str, related: list[str], digital: bool) -> dict[str, Any]:
    steps = [
        {"title": f"Steg {i} for metode {number}",
         "text": f"Gjør steg {i} sammen. Skriv **stikkord** på lapper og heng dem opp.", "minutes": 10}
        for i in (1, 2, 3)
    ]
    data: dict[str, Any] = {
        "title": f"Metode {number}",
        "summary": f"En kort beskrivelse av metode {number} og hva den gir dere.",
        "phase": phase,
        "purpose": "Metoden hjelper dere å se utfordringen fra flere sider.\n\nDen tar kort tid.",
        "when_to_use": "Tidlig i et prosjekt, før dere har bestemt dere for en løsning.",
        "duration": {"min": 30, "max": 45},
        "group_size": {"min": 2, "max": 8},
        "materials": ["Gule lapper", "Tusjer"],
        "steps": steps,
        "tips": ["Hold tiden.", "La alle komme til orde."],
        "examples": [{"place": "Et bibliotek i Innlandet", "text": "Biblioteket prøvde metoden med lag og foreninger."}],
        "related": related,
        "sources": [f"Kilde til metode {number}"],
    }
    if digital:
        data["digital_variant"] = {
            "summary": "Gjør det samme på en digital tavle.",
            "tools": ["videomøte", "digital tavle"],
            "steps": [{"title": "Del tavla", "text": "Del lenken i chatten.", "minutes": 30}],
            "tips": ["Test lenken før møtet."],
        }
    else:
        data["digital_variant"] = {"not_suited": "Metoden trenger at folk er i samme rom."}
    return data


def module_data(number: int, methods: list[str]) -> dict[str, Any]:
    agenda: list[dict[str, Any]] = [{"title": "Velkommen", "minutes": 10}]
    agenda += [{"method": slug, "minutes": 30} for slug in methods[:2]]
    agenda.append({"break": True, "minutes": 10})
    return {
        "title": f"Modul {number}",
        "summary": f"Hva modul {number} handler om.",
        "objectives": ["Du kjenner metodene i modulen.", "Du kan bruke dem i ditt bibliotek."],
        "minutes": 120,
        "intro": f"Velkommen til modul {number}. Her lærer du nye metoder.",
        "methods": methods,
        "session": {"title": f"Økt {number}", "format": "digital", "minutes": 120, "agenda": agenda},
        "action": {"title": "Snakk med tre foreninger", "task": "Avtal tre samtaler før neste økt.",
                   "questions": ["Hva overrasket deg?"]},
    }


def write_course(root: Path, methods: int = 7, per_module: int = 3,
                 edit: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write course/ under `root`: `methods` method cards, taught `per_module` to a module.

    `edit` replaces fields of single files, keyed by `course`, `module-N` or `metode-N`."""
    edit = edit or {}
    slugs = [f"metode-{n}" for n in range(1, methods + 1)]
    groups = [slugs[i:i + per_module] for i in range(0, len(slugs), per_module)] or [[]]
    course = root / "course"
    (course / "modules").mkdir(parents=True, exist_ok=True)
    (course / "methods").mkdir(parents=True, exist_ok=True)
    info = {
        "title": "Startpakke for samskaping",
        "subtitle": "Metoder for bibliotek som vil skape nye tilbud sammen med lokalsamfunnet.",
        "language": "nb",
        "publisher": "Fylkesbibliotekene",
        "license": "CC BY 4.0",
        "site_url": "https://startpakke.example.no/",
        "about": "Startpakken er en **verktøykasse** for samskaping i bibliotek.",
        "credits": ["Takk til alle som har prøvd metodene."],
        "phases": [{"id": i, "title": t, "description": d} for i, t, d in PHASES],
        "modules": [f"modul-{n}" for n in range(1, len(groups) + 1)],
    }
    _write(course / "course.yml", {**info, **edit.get("course", {})})
    for number, group in enumerate(groups, start=1):
        name = f"modul-{number}"
        _write(course / "modules" / f"{name}.yml", {**module_data(number, group), **edit.get(name, {})})
    for number, slug in enumerate(slugs, start=1):
        related = [slugs[number % len(slugs)]] if len(slugs) > 1 else []
        data = method_data(number, PHASES[(number - 1) % len(PHASES)][0], related, number % 3 != 0)
        _write(course / "methods" / f"{slug}.yml", {**data, **edit.get(slug, {})})
    return course


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
