"""The layering rules, checked on the source itself (import-linter checks them too)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "outreach_app"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Every module each file under ``folder`` imports (absolute names)."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE.parent))] = names
    return found


def test_the_domain_imports_only_the_standard_library_and_itself() -> None:
    """A third-party import in the domain would tie the rules to a library."""
    for path, names in imported_modules(PACKAGE / "domain").items():
        for name in names:
            top = name.split(".")[0]
            allowed = top in sys.stdlib_module_names or name.startswith("outreach_app.domain")
            assert allowed, f"{path} imports {name}"


def test_only_the_ui_imports_qt() -> None:
    """The core runs headless (CLI, server, tests) without Qt."""
    for path, names in imported_modules(PACKAGE).items():
        if path.startswith("outreach_app/ui/"):
            continue
        assert not any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names), path


def test_only_the_crypto_package_imports_cryptography() -> None:
    """One place to audit for key handling on the laptop; on the central service, only
    the module that makes its TLS certificate."""
    for path, names in imported_modules(PACKAGE).items():
        if path.startswith("outreach_app/crypto/") or path == "outreach_app/server/tls.py":
            continue
        assert not any(n.split(".")[0] == "cryptography" for n in names), path


def test_every_package_is_listed_for_installation() -> None:
    """pyproject.toml lists packages explicitly; a forgotten one would be missing from
    an installed program although the checkout works."""
    import tomllib

    listed = set(
        tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")
    }
    assert found | {"outreach_app.resources"} == listed
