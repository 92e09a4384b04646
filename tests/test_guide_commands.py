"""The commands the README and the authors' guide tell authors to run exist, and run MkDocs
only through dev.sh, which keeps Material's notice about its successor out of them."""

from __future__ import annotations

import re

from .support.project import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
_FENCE = re.compile(r"^ *```(?:sh|bash|console)\n(.*?)^ *```", re.M | re.S)


def commands() -> list[tuple[str, str]]:
    """(file, command) of every line of every shell block in the docs."""
    found = []
    for path in DOCS:
        for block in _FENCE.findall(path.read_text(encoding="utf-8")):
            for line in block.splitlines():
                command = line.split(" #", 1)[0].strip()
                if command and not command.startswith("#"):
                    found.append((path.name, command))
    return found


def test_the_docs_run_mkdocs_only_through_dev_sh() -> None:
    assert commands(), "no shell blocks found: the pattern no longer matches the docs"
    direct = [(name, line) for name, line in commands() if "mkdocs " in line]
    assert direct == []


def test_every_dev_sh_command_in_the_docs_is_one_dev_sh_knows() -> None:
    dev = (ROOT / "dev.sh").read_text(encoding="utf-8")
    known = set(re.findall(r"^  ([a-z-]+)\)$", dev, re.M))
    used = {line.split()[1] for _, line in commands() if line.startswith("./dev.sh ")}
    assert used <= known, used - known
    assert {"init", "deploy", "serve", "new", "check", "build"} <= used
    # Material prints its notice unless this is set; every command above runs with it.
    assert "\nexport NO_MKDOCS_2_WARNING=1\n" in dev
    assert 'exec "$VENV/bin/mkdocs" gh-deploy --strict "$@"' in dev
