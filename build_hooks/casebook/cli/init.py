"""`casebook init`: make the project a site of one's own. It asks for (or takes as options) the
site's title, address, publisher and licence, writes them into mkdocs.yml without touching
anything else in it, and takes the example case out of the published site."""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casebook.assemble import is_example_address
from casebook.cli.site_config import MKDOCS_YML, site_settings
from casebook.models import EXAMPLE_CASE
from casebook.source import YamlEditError, set_scalars

_URL = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?$")
_SPDX = re.compile(r"^[A-Za-z0-9.+-]+$")
_EXAMPLE_CHOICES = ("draft", "remove")

Ask = Callable[[str], str]
"""Shows a question and returns the answer typed (input(), or a test's answers)."""


class InitError(Exception):
    """Nothing was written; the message says why and what to do."""


@dataclass(frozen=True)
class SiteIdentity:
    title: str
    url: str
    publisher: str
    licence: str
    example: str
    """What becomes of the example case: draft (kept, shown only in previews) or remove."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the site's title, e.g. 'Dermatology case reports'")
    parser.add_argument(
        "--url", help="the address it will be published at, e.g. https://you.github.io/cases/"
    )
    parser.add_argument("--publisher", help="who publishes it: a person, department or society")
    parser.add_argument("--licence", help="SPDX licence id of the case pages, e.g. CC-BY-4.0")
    parser.add_argument(
        "--example",
        choices=_EXAMPLE_CHOICES,
        help=f"keep the example case {EXAMPLE_CASE} as a draft, or remove it",
    )


def ask_identity(args: argparse.Namespace, root: Path, ask: Ask) -> SiteIdentity:
    """The answers: the options given, and for each one missing, the author's answer."""
    current = site_settings(root)
    example_there = (root / current.case_dir / EXAMPLE_CASE).is_dir()
    title = args.title or _ask(ask, "Site title", default=current.title, check=_text)
    url = args.url or _ask(
        ask, "Address it will be published at, e.g. https://you.github.io/cases/", check=_url
    )
    publisher = args.publisher or _ask(
        ask, "Publisher (a person, department or society)", check=_text
    )
    licence = args.licence or _ask(
        ask, "Licence of the case pages (SPDX id)", default=current.default_licence, check=_spdx
    )
    example = args.example or "draft"
    if args.example is None and example_there:
        example = _ask(
            ask,
            f"The example case {EXAMPLE_CASE}: keep it as a draft (shown only in previews) "
            "or remove it? draft/remove",
            default="draft",
            check=_choice,
        )
    for value, check in ((title, _text), (url, _url), (publisher, _text), (licence, _spdx)):
        problem = check(value)
        if problem:
            raise InitError(problem)
    return SiteIdentity(
        title.strip(), _with_slash(url.strip()), publisher.strip(), licence, example
    )


def apply_identity(root: Path, site: SiteIdentity) -> list[str]:
    """Write `site` into mkdocs.yml and deal with the example case; what was done, a line
    each. mkdocs.yml is checked in full before the example case is touched."""
    path = root / MKDOCS_YML
    if not path.is_file():
        raise InitError(f"no {MKDOCS_YML} in {root}; run it in the project folder")
    text = path.read_text(encoding="utf-8")
    try:
        edited = set_scalars(
            text,
            {
                ("site_name",): site.title,
                ("site_url",): site.url,
                ("extra", "casebook", "title"): site.title,
                ("extra", "casebook", "journal_title"): site.title,
                ("extra", "casebook", "publisher"): site.publisher,
                ("extra", "casebook", "default_licence"): site.licence,
            },
        )
    except YamlEditError as exc:
        raise InitError(f"{MKDOCS_YML}: {exc}") from None
    done = [
        f"wrote {MKDOCS_YML}: title '{site.title}', address {site.url}, publisher "
        f"'{site.publisher}', licence {site.licence}"
    ]
    example = root / site_settings(root).case_dir / EXAMPLE_CASE
    note = _example_case(example, site.example) if example.is_dir() else None
    path.write_text(edited, encoding="utf-8")
    if note:
        done.append(note)
    return done


def _example_case(folder: Path, choice: str) -> str:
    if choice == "remove":
        shutil.rmtree(folder)
        return f"removed the example case {folder.name}"
    case_file = folder / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    try:
        edited = set_scalars(text, {("publication", "status"): "draft"})
        case_file.write_text(edited, encoding="utf-8")
    except YamlEditError as exc:
        raise InitError(f"{case_file}: {exc}") from None
    return f"the example case {folder.name} is now a draft: previews show it, builds leave it out"


def _ask(ask: Ask, question: str, *, default: str = "", check: Callable[[str], str]) -> str:
    prompt = f"{question} [{default}]: " if default else f"{question}: "
    while True:
        try:
            answer = ask(prompt).strip() or default
        except EOFError:
            raise InitError(f"no answer to '{question}'; give it as an option instead") from None
        problem = check(answer)
        if not problem:
            return answer
        print(f"  {problem}")


def _text(value: str) -> str:
    return "" if value.strip() else "give a value"


def _url(value: str) -> str:
    if not _URL.match(value.strip()):
        return f"'{value}' is not a web address; write it as https://you.github.io/cases/"
    if is_example_address(value.strip()):
        return "that is an example address, which no reader can reach; give your site's own"
    return ""


def _spdx(value: str) -> str:
    if _SPDX.match(value):
        return ""
    return f"'{value}' is not an SPDX licence id; write it as CC-BY-4.0, CC-BY-NC-4.0 or CC0-1.0"


def _choice(value: str) -> str:
    return "" if value in _EXAMPLE_CHOICES else "answer draft or remove"


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else f"{url}/"
