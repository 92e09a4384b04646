"""`./dev.sh serve` (`mkdocs serve --dirty`) always answers: a new case's CARE warnings do not
abort it, a case with errors becomes a page listing them (with a notice on the home page), a
settings error leaves the last good site served with a banner, and each fix shows."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ..support.cases import line_of
from ..support.project import copy_project
from ..support.sites import edit, fetch, mkdocs_env, serving, wait_for

pytestmark = pytest.mark.integration

CASE_ID = "my-first-case"
TITLE = "title: TODO title of the case"
# The message as far as the count of keys, which the schema error tests pin.
UNKNOWN_KEY = (
    "case_data/my-first-case/case.yaml:10:3: publication.colour: unknown key 'colour' (there are "
)
BANNER = 'id="casebook-preview-failed"'


@dataclass(frozen=True)
class Preview:
    project: Path
    url: str
    log: Path

    @property
    def case_file(self) -> Path:
        return self.project / "case_data" / CASE_ID / "case.yaml"

    @property
    def case_url(self) -> str:
        return f"{self.url}cases/{CASE_ID}/"

    def answered(self, path: str = "") -> str:
        """The page at `path`, which must come back within the HTTP client's timeout."""
        text = fetch(self.url + path)
        assert text is not None, f"the preview did not answer {self.url + path}"
        return text

    def printed(self) -> str:
        return self.log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """The example project with a case fresh from `casebook new`, previewed as dev.sh does."""
    base = tmp_path_factory.mktemp("preview-errors")
    project = copy_project(base / "project")
    created = subprocess.run(
        [sys.executable, "-m", "casebook.cli", "--root", str(project), "new", CASE_ID],
        env=mkdocs_env(project),
        capture_output=True,
        text=True,
        check=True,
    )
    assert created.stdout.startswith("created case_data/my-first-case/case.yaml")
    log = base / "serve.log"
    ready = (f"cases/{CASE_ID}/", "TODO title of the case")
    with serving(project, log, "--livereload", "--dirty", ready=ready) as url:
        yield Preview(project, url, log)


def test_a_new_cases_warnings_are_printed_and_do_not_stop_the_preview(preview: Preview) -> None:
    assert "TODO title of the case" in preview.answered(f"cases/{CASE_ID}/")
    assert "Clinical case reports" in preview.answered()
    printed = preview.printed()
    assert (
        "WARNING -  case_data/my-first-case/case.yaml:6:1: warning: abstract: CARE item 3 "
        "(abstract) is not addressed" in printed
    )
    assert "strict mode" not in printed


def test_a_case_with_errors_shows_them_at_its_address_and_on_the_home_page(
    preview: Preview,
) -> None:
    valid = preview.case_file.read_text(encoding="utf-8")
    edit(preview.case_file, TITLE, f"{TITLE}\n  colour: blue")
    try:
        page = wait_for(preview.case_url, "my-first-case has errors", timeout=60)
        assert UNKNOWN_KEY in page.replace("&#x27;", "'").replace("&#39;", "'")
        home = preview.answered()
        assert "Preview: 1 case with errors, not listed below" in home
        assert 'href="cases/my-first-case/"' in home
        # The other cases are built as usual.
        assert "Figure 1." in preview.answered("cases/ppp-ad-baricitinib/")
        printed = preview.printed()
        assert f"case data has errors:\n{UNKNOWN_KEY}" in printed
        assert "lists them under 'Publication')\n1 error in 2 case files\n" in printed
    finally:
        preview.case_file.write_text(valid, encoding="utf-8")
    wait_for(preview.case_url, "TODO title of the case", timeout=60)
    assert "with errors" not in preview.answered()


def test_a_settings_error_keeps_the_last_good_site_with_a_banner(preview: Preview) -> None:
    mkdocs_yml = preview.project / "mkdocs.yml"
    valid = mkdocs_yml.read_text(encoding="utf-8")
    edit(mkdocs_yml, "care_missing: warning", "care_missing: maybe")
    try:
        home = wait_for(preview.url, BANNER, timeout=60)
        line = line_of(valid, "care_missing: warning")
        assert (
            f"mkdocs.yml:{line}:19: extra.casebook.care_missing: unknown value &#x27;maybe&#x27; "
            "(use one of: warning, error)" in home
        )
        assert BANNER in preview.answered(f"cases/{CASE_ID}/")
        assert "Figure 1." in preview.answered("cases/ppp-ad-baricitinib/")
    finally:
        mkdocs_yml.write_text(valid, encoding="utf-8")
    deadline = time.monotonic() + 60
    while BANNER in preview.answered():
        assert time.monotonic() < deadline, "the banner stayed after the fix"
        time.sleep(0.5)
    assert "TODO title of the case" in preview.answered(f"cases/{CASE_ID}/")
    printed = preview.printed()
    assert "appear stuck" not in printed and "Aborted" not in printed


@pytest.mark.browser
def test_the_open_page_shows_the_errors_and_comes_back_when_fixed(
    preview: Preview, shared_browser: Browser, tmp_path: Path
) -> None:
    """What an author sees: the case page open in the browser turns into the located errors
    when the file breaks, and back into the case when it is fixed, without a click."""
    page = shared_browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(preview.case_url)
        expect(page.locator("h1")).to_have_text("TODO title of the case¶")
        valid = preview.case_file.read_text(encoding="utf-8")
        edit(preview.case_file, TITLE, f"{TITLE}\n  colour: blue")
        try:
            heading = page.locator("h1")
            expect(heading).to_have_text("my-first-case has errors¶", timeout=60_000)
            errors = page.locator("article ol li")
            expect(errors).to_have_count(1)
            expect(errors.first).to_contain_text(
                "line 10, column 3, field publication.colour: unknown key 'colour'"
            )
            expect(errors.first).to_contain_text(
                "keys here: docs/guide/fields.md lists them under 'Publication'"
            )
            expect(page.locator("article pre")).to_contain_text(UNKNOWN_KEY)
            page.screenshot(path=str(tmp_path / "error-page.png"), full_page=True)
            home = shared_browser.new_page()
            try:
                home.goto(preview.url)
                notice = home.locator(".admonition.failure").first
                expect(notice).to_contain_text("Preview: 1 case with errors, not listed below")
                notice.get_by_role("link", name=CASE_ID).click()
                expect(home.locator("h1")).to_have_text("my-first-case has errors¶")
            finally:
                home.close()
        finally:
            preview.case_file.write_text(valid, encoding="utf-8")
        expect(page.locator("h1")).to_have_text("TODO title of the case¶", timeout=60_000)
    finally:
        page.close()
