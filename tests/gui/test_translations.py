"""The translations: every English message is finished and keeps the Danish source's
placeholders and accelerators, Danish gives the plural forms of counted strings, both
.ts files are in step with the code, and the compiled files change what Qt shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from outreach_app.ui import i18n
from outreach_app.ui.models import long_date, short_date

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "da")

#: printf-style (%s, %d, %.0f, %(name)s, %%) and Qt's (%n, %1 .. %9, %L1) placeholders.
PLACEHOLDER = re.compile(
    r"%(?:%|n|L?[1-9]|(?:\([^)]*\))?[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[sdiouxXeEfFgGcr])"
)
PENDING = "%n ændring(er) venter på synkronisering"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    finished: bool
    forms: tuple[str, ...]  # the translation, or its plural forms

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"outreach_{language}.ts"


def read_ts(path: Path) -> list[Message]:
    messages: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name} has a message without one"
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            finished = translation.get("type") not in {"unfinished", "vanished", "obsolete"}
            messages.append(Message(name, message.findtext("source", ""), numerus, finished, forms))
    return messages


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    """How many '&' mark a shortcut letter ('&&' is a literal ampersand)."""
    return text.replace("&&", "").count("&")


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) next to this Python or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing; it comes with PySide6 (make install)")
    return found


def failures(lines: list[str]) -> str:
    return f"{len(lines)} problem(s):\n" + "\n".join(lines)


# -- the .ts files ---------------------------------------------------------------------------


def test_every_english_message_is_translated() -> None:
    messages = read_ts(ts_path("en"))
    assert len(messages) > 600
    bad = [
        f"{m}: {'unfinished' if not m.finished else 'empty'}"
        for m in messages
        if not m.finished or not all(form.strip() for form in m.forms)
    ]
    assert not bad, failures(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    bad = [
        f"{m}: {form!r} has {sorted(placeholders(form).elements())}, "
        f"the source {sorted(placeholders(m.source).elements())}"
        for m in read_ts(ts_path(language))
        if m.finished
        for form in m.forms
        if placeholders(form) != placeholders(m.source)
    ]
    assert not bad, failures(bad)


def test_english_keeps_one_accelerator_where_the_source_has_one() -> None:
    bad = [
        f"{m}: {form!r}"
        for m in read_ts(ts_path("en"))
        for form in m.forms
        if accelerators(form) > 1 or accelerators(form) != accelerators(m.source)
    ]
    assert not bad, failures(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counted_strings_have_a_singular_and_a_plural(language: str) -> None:
    counted = [m for m in read_ts(ts_path(language)) if m.numerus]
    assert counted, "no numerus messages: has lupdate stopped seeing tr(..., n)?"
    bad = [
        f"{m}: {m.forms!r}"
        for m in counted
        if not m.finished or len(m.forms) != 2 or not all("%n" in form for form in m.forms)
    ]
    assert not bad, failures(bad)


def test_danish_translates_only_the_plural_forms() -> None:
    """Everything else is left unfinished, so Qt shows the Danish source text."""
    bad = [
        f"{m}: {m.forms[0]!r}"
        for m in read_ts(ts_path("da"))
        if not m.numerus and (m.finished or m.forms[0])
    ]
    assert not bad, failures(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_file_is_up_to_date_with_the_code(language: str, tmp_path: Path) -> None:
    """As `make translations` does, into a copy: no string of the code may be missing."""
    committed = ts_path(language)
    copy = tmp_path / committed.name
    shutil.copyfile(committed, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "outreach_app" / "ui").rglob("*.py"))
    options = ["-silent", "-no-obsolete", "-locations", "none", "-source-language", "da_DK"]
    target = ["-target-language", language, "-ts", str(copy)]
    subprocess.run(
        [tool("pyside6-lupdate"), *options, *sources, *target],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    before = {(m.context, m.source) for m in read_ts(committed)}
    merged = read_ts(copy)
    after = {(m.context, m.source) for m in merged}
    missing = sorted(after - before)
    unused = sorted(before - after)
    assert not missing, (
        f"{committed.name} lacks {len(missing)} string(s) of the code: run `make translations` "
        f"and translate them: {missing}"
    )
    assert not unused, (
        f"{committed.name} has {len(unused)} string(s) the code no longer uses: "
        f"run `make translations`: {unused}"
    )
    should_be_finished = [m for m in merged if language == "en" or m.numerus]
    reopened = [str(m) for m in should_be_finished if not m.finished]
    assert not reopened, f"lupdate reopens these in {committed.name}: {reopened}"


# -- what Qt shows ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the .ts files as they are now (not a stale build)."""
    folder = tmp_path_factory.mktemp("translations")
    for language in LANGUAGES:
        qm = folder / f"outreach_{language}.qm"
        result = subprocess.run(
            [tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(qm)],
            check=False,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert not result.stderr.strip(), result.stderr
    return folder


@pytest.fixture
def show_in(
    qapp: object, compiled: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], None]]:
    """i18n.install with the freshly built translations; Danish again afterwards."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: compiled)
    yield i18n.install
    monkeypatch.undo()
    i18n.install("da")


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, "", n)


def test_english_is_shown_in_english(show_in: Callable[[str], None]) -> None:
    show_in("en")
    assert tr("MainWindow", "I dag") == "Today"
    assert tr("MainWindow", "Borgere") == "Citizens"
    assert tr("MainWindow", "Åben rådgivning") == "Open counselling"
    assert tr("MainWindow", "Diskret visning") == "Discreet view"
    assert tr("Labels", "opfølgningssamtale") == "follow-up meeting"
    assert tr("NewProfileForm", "Adgangsfrase") == "Passphrase"
    assert tr("MainWindow", PENDING, 1) == "1 change waiting to be synchronised"
    assert tr("MainWindow", PENDING, 5) == "5 changes waiting to be synchronised"
    # the date formats are English ones
    assert long_date(date(2026, 3, 2)) == "Monday 2 March 2026"
    assert short_date(date(2026, 2, 27), date(2026, 3, 2)) == "27 Feb 2026"
    assert short_date(date(2026, 3, 3), date(2026, 3, 2)) == "tomorrow"


def test_danish_uses_its_plural_forms(show_in: Callable[[str], None]) -> None:
    show_in("da")
    assert tr("MainWindow", PENDING, 1) == "1 ændring venter på synkronisering"
    assert tr("MainWindow", PENDING, 5) == "5 ændringer venter på synkronisering"
    wait = "Forkert adgangsfrase. Vent %n sekund(er) før næste forsøg."
    assert tr("UnlockPanel", wait, 1) == "Forkert adgangsfrase. Vent 1 sekund før næste forsøg."
    assert tr("UnlockPanel", wait, 30) == "Forkert adgangsfrase. Vent 30 sekunder før næste forsøg."
    assert tr("MainWindow", "I dag") == "I dag"  # the rest is the Danish source
    assert long_date(date(2026, 3, 2)) == "mandag 2. marts 2026"
