"""`startpakke translate update`: one entry per text, kept in step with the source as it changes."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import edit, run
from tests.translations.pokit import entry, fill, po_path, texts, translation

STEP = "methods/kafe.yml:steps[2].text"


def test_one_entry_per_text_named_by_file_and_field_with_its_line(translated: Path) -> None:
    entries = texts(translated, "en")
    contexts = [entry.msgctxt for entry in entries]
    step = entry(translated, "en", STEP)
    card = (translated / "course/methods/kafe.yml").read_text("utf-8").splitlines()
    assert step.msgid == "Tre runder ved bordene." and step.msgstr == ""
    assert step.occurrences == [("course/methods/kafe.yml", str(card.index("    text: Tre runder ved bordene.") + 1))]
    # Texts only: numbers, ids, references and addresses are structure and stay the source's.
    assert not [c for c in contexts if c.rsplit(":", 1)[1].split(".")[-1].split("[")[0] in (
        "phase", "duration", "minutes", "related", "language", "site_url", "modules", "methods", "id")]
    assert {entry.msgid for entry in entries}.isdisjoint({"forsta", "samtale", "kafe", "60"})
    # In the order a learner meets them: the course, then each module followed by the cards it teaches.
    files = list(dict.fromkeys(context.split(":")[0] for context in contexts))
    assert files == ["course.yml", "modules/intro.yml", "methods/kafe.yml", "modules/okt-1.yml",
                     "methods/samtale.yml", "methods/idemyldring.yml"]
    assert [c for c in contexts if c.startswith("methods/kafe.yml:steps")] == [
        f"methods/kafe.yml:steps[{n}].{field}" for n in (1, 2, 3) for field in ("title", "text")]


def test_a_changed_source_text_makes_its_translation_fuzzy_and_the_course_fall_back(translated: Path) -> None:
    fill(translated, "en", {STEP: "Three rounds at the tables."})
    english = translation(translated, "en")
    assert english.course.methods["kafe"].steps[1].text == "Three rounds at the tables."
    assert not english.fell_back("methods/kafe.yml", ("steps", 1, "text"))
    assert english.fell_back("methods/kafe.yml", ("title",))

    edit(translated, "course/methods/kafe.yml", "Tre runder ved bordene.", "Fire runder ved bordene.")
    stale = translation(translated, "en")  # not updated yet: the old translation is not shown
    assert stale.course.methods["kafe"].steps[1].text == "Fire runder ved bordene."
    code, output = run("translate", "update", "--course", str(translated))
    assert code == 0 and "course/translations/en.po: 0 new, 1 changed (marked fuzzy), 0 removed" in output

    step = entry(translated, "en", STEP)
    assert step.msgid == "Fire runder ved bordene." and step.fuzzy
    assert step.msgstr == "Three rounds at the tables." and step.previous_msgid == "Tre runder ved bordene."
    assert '#| msgid "Tre runder ved bordene."' in po_path(translated, "en").read_text("utf-8")
    english = translation(translated, "en")
    assert english.course.methods["kafe"].steps[1].text == "Fire runder ved bordene."
    assert english.fell_back("methods/kafe.yml", ("steps", 1, "text"))
    assert [o.state for o in english.outcomes if o.text.context == STEP] == ["fuzzy"]

    fill(translated, "en", {STEP: "Four rounds at the tables."})  # the translator reviews it
    assert translation(translated, "en").course.methods["kafe"].steps[1].text == "Four rounds at the tables."


def test_a_removed_text_is_kept_as_obsolete_and_comes_back_with_it(translated: Path) -> None:
    tip = "methods/kafe.yml:tips[1]"
    fill(translated, "en", {tip: "Have a host at every table."})
    edit(translated, "course/methods/kafe.yml", "tips:\n  - Ha en vert ved hvert bord.\n", "")
    code, output = run("translate", "update", "--course", str(translated))
    assert code == 0 and "0 new, 0 changed (marked fuzzy), 1 removed (kept as obsolete)" in output
    text = po_path(translated, "en").read_text("utf-8")
    assert f'#~ msgctxt "{tip}"\n#~ msgid "Ha en vert ved hvert bord."\n#~ msgstr "Have a host at every table."' in text
    assert tip not in {entry.msgctxt for entry in texts(translated, "en")}

    edit(translated, "course/methods/kafe.yml", "digital_variant:", "tips:\n  - Ha en vert ved hvert bord.\ndigital_variant:")
    assert run("translate", "update", "--course", str(translated))[0] == 0
    back = entry(translated, "en", tip)
    assert back.msgstr == "Have a host at every table." and not back.fuzzy
    assert "#~" not in po_path(translated, "en").read_text("utf-8")


def test_a_translation_moves_with_its_text_when_a_step_is_inserted_above_it(translated: Path) -> None:
    fill(translated, "en", {STEP: "Three rounds at the tables.", "methods/kafe.yml:steps[2].title": "Rounds"})
    edit(translated, "course/methods/kafe.yml", "  - title: Samtalerunder\n",
         "  - title: Bordvert\n    text: Velg en vert til hvert bord.\n    minutes: 5\n  - title: Samtalerunder\n")
    assert run("translate", "update", "--course", str(translated))[0] == 0
    moved = entry(translated, "en", "methods/kafe.yml:steps[3].text")
    assert moved.msgstr == "Three rounds at the tables." and not moved.fuzzy
    inserted = entry(translated, "en", STEP)
    assert inserted.msgid == "Velg en vert til hvert bord." and inserted.msgstr == "" and not inserted.fuzzy


def test_update_twice_changes_nothing(translated: Path) -> None:
    fill(translated, "se", {"methods/kafe.yml:title": "Ovttasráhkadankafea"})
    code, _ = run("translate", "update", "--course", str(translated))
    before = {language: po_path(translated, language).read_bytes() for language in ("en", "se")}
    code, output = run("translate", "update", "--course", str(translated))
    assert code == 0 and output.count("in step with the course") == 2
    assert before == {language: po_path(translated, language).read_bytes() for language in ("en", "se")}


def test_update_makes_the_file_of_a_newly_listed_language(translated: Path) -> None:
    edit(translated, "course/course.yml", "translations: [en, se]", "translations: [en, se, nn]")
    code, output = run("translate", "update", "--lang", "nn", "--course", str(translated))
    count = len(texts(translated, "en"))
    assert code == 0 and f"course/translations/nn.po: created, with {count} texts to translate" in output
    assert len(texts(translated, "nn")) == count


def test_a_file_that_cannot_be_read_is_left_as_it_is(translated: Path) -> None:
    path = po_path(translated, "se")
    broken = path.read_text("utf-8").replace('msgstr ""\n', "msgstr hei\n", 2)
    path.write_text(broken, "utf-8")
    edit(translated, "course/methods/kafe.yml", "Tre runder ved bordene.", "Fire runder.")
    code, output = run("translate", "update", "--course", str(translated))
    line = broken.splitlines().index("msgstr hei") + 1
    assert code == 1 and f"course/translations/se.po:{line}:1: (file): error: PO syntax error" in output
    assert path.read_text("utf-8") == broken
    assert entry(translated, "en", STEP).msgid == "Fire runder."  # the other language was still updated


def test_a_language_the_course_does_not_list_is_a_usage_error(translated: Path) -> None:
    code, output = run("translate", "update", "--lang", "da", "--course", str(translated))
    assert code == 2 and "`da` is not among the course's translations (en, se)" in output
    assert not po_path(translated, "da").exists()


def test_a_translation_file_linking_outside_the_project_is_neither_read_nor_replaced(translated: Path,
                                                                                     tmp_path: Path) -> None:
    secret = tmp_path / "secret.po"
    secret.write_text('msgctxt "methods/kafe.yml:title"\nmsgid "Samskapingskafé"\nmsgstr "hunter2"\n', "utf-8")
    po_path(translated, "se").unlink()
    po_path(translated, "se").symlink_to(secret)
    code, output = run("translate", "update", "--course", str(translated))
    assert code == 1 and "course/translations/se.po:1:1: (file): error: the file is a link to a file outside " \
                         "the project" in output
    assert po_path(translated, "se").is_symlink() and "hunter2" not in output
    code, output = run("translate", "status", "--course", str(translated))
    assert code == 0 and "hunter2" not in output and "en (English)" in output
