"""The form editor in a real browser: Decap CMS at /admin/ of the preview, saving through
Casebook's local backend into case_data/, and the preview showing what was saved."""

from __future__ import annotations

import difflib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from casebook.cli import main as casebook
from playwright.sync_api import Browser, Page, expect

from ..support.images import gradient
from ..support.project import ROOT, copy_project
from ..support.sites import MKDOCS, free_port, mkdocs_env, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.integration]

EXAMPLE = "ppp-ad-baricitinib"
NEW_TITLE = "Synthetic rash treated with a synthetic drug"
NEW_ID = "synthetic-rash-treated-with-a-synthetic-drug"


class Preview:
    def __init__(self, project: Path, site: str, admin: str) -> None:
        self.project = project
        self.site = site
        self.admin = admin


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """`./dev.sh edit` on a copy of the project: the local backend and `mkdocs serve`."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    backend_port, site_port = free_port(), free_port()
    env = {
        **mkdocs_env(project),
        "CASEBOOK_EDITOR_BACKEND": f"http://127.0.0.1:{backend_port}/api/v1",
    }
    backend = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "casebook.cli",
            "--root",
            str(project),
            "editor-backend",
            "--port",
            str(backend_port),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    serve = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{site_port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    site = f"http://127.0.0.1:{site_port}/casebook/"
    try:
        wait_for(site + "admin/config.yml", f"127.0.0.1:{backend_port}", timeout=120)
        yield Preview(project, site, site + "admin/")
    finally:
        for process in (serve, backend):
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def page(shared_browser: Browser, preview: Preview) -> Iterator[Page]:
    # One Chromium for the whole session (conftest.py): Playwright's sync API runs one at a time.
    context = shared_browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    # The editor works with no network: every request stays on this machine.
    p.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1:", "blob:", "data:"))
            else outside.append(r.url)
        ),
    )
    p.set_default_timeout(20_000)
    yield p
    context.close()
    assert errors == [], f"JavaScript errors in the editor: {errors}"
    assert outside == [], f"requests that left 127.0.0.1: {outside}"


def log_in(page: Page, preview: Preview, route: str) -> None:
    page.goto(preview.admin + route)
    page.get_by_role("button", name="Login").click()


def fill(page: Page, name: str, value: str, nth: int = 0) -> None:
    """Type into the nth field called `name` (Decap's ids are <name>-field-<n>)."""
    target = page.locator(f"input[id^='{name}-field-'], textarea[id^='{name}-field-']").nth(nth)
    target.fill(value)


def choose(page: Page, name: str, option: str, nth: int = 0) -> None:
    """Pick `option` in a select (react-select: type to filter, Enter to pick)."""
    target = page.locator(f"input[id^='{name}-field-']").nth(nth)
    target.click()
    target.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def expand(page: Page, label: str) -> None:
    """Unfold an optional object, which the form shows folded."""
    control = page.locator("[aria-label='object field']").filter(
        has=page.locator(f"label:text-is('{label}')")
    )
    control.get_by_role("button", name="Expand").first.click()


def add(page: Page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).last.click()


def save(page: Page) -> None:
    """Decap's Publish, which with publish_mode simple writes the file at once."""
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now", exact=True).click()
    expect(page.get_by_text("Entry saved").first).to_be_visible()


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    code = casebook(["--root", str(project), "check"])
    report = capsys.readouterr()
    assert code == 0, report.out + report.err
    return report.out


def test_a_new_case_with_a_lab_and_a_figure(
    page: Page, preview: Preview, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "rash.png"
    gradient((64, 48)).save(image)
    log_in(page, preview, "editor.htm#/collections/cases/new")
    fill(page, "title", NEW_TITLE)
    choose(page, "article_type", "case-report")
    choose(page, "status", "draft")
    fill(page, "licence", "CC-BY-4.0")
    add(page, "Add keyword")
    fill(page, "keywords", "synthetic rash")
    add(page, "Add specialty")
    fill(page, "specialty", "dermatology")
    fill(page, "family", "Example")
    fill(page, "given", "Ada")
    fill(page, "age", "40")
    choose(page, "sex", "not stated")
    add(page, "Add presenting complaint")
    fill(page, "description", "An itchy synthetic rash on both forearms")
    fill(page, "name", "Synthetic dermatitis")
    add(page, "Add investigation")
    fill(page, "test", "Eosinophil count")
    fill(page, "value", "0.8")
    fill(page, "unit", "×10⁹/L")
    choose(page, "flag", "high")
    choose(page, "basis", "patient written consent")
    choose(page, "scope", "text")
    choose(page, "scope", "images")
    fill(page, "statement", "The patient gave written consent to publication.")
    fill(page, "discussion", "The rash (@fig-rash) is synthetic.")
    add(page, "Add figure")
    fill(page, "id", "fig-rash", nth=0)
    choose(page, "kind", "clinical photo")
    add(page, "Add panel")
    page.get_by_role("button", name="Choose an image").click()
    page.locator("input[type=file]").set_input_files(image)
    page.get_by_role("button", name="Choose selected").click()
    fill(page, "legend", "The rash on the left forearm.")
    fill(page, "alt", "Red patches on the inner side of a forearm.")
    # What CARE asks for that a short synthetic case lacks; the strict preview refuses warnings.
    expand(page, "Care notes")
    for item in (
        "clinical_findings",
        "timeline",
        "therapeutic_intervention",
        "follow_up_and_outcomes",
    ):
        fill(page, item, "Not part of this synthetic test case.")
    for item in ("abstract", "introduction", "patient_perspective"):
        # The case's own field of that name comes first, then the care note's.
        fill(page, item, "Not part of this synthetic test case.", nth=1)
    save(page)

    folder = preview.project / "case_data" / NEW_ID
    assert (folder / "figures" / "rash.png").read_bytes() == image.read_bytes()
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/case.schema.json\n")
    assert "investigations:\n  - test: Eosinophil count\n    value: 0.8\n" in text
    assert "      - file: figures/rash.png\n        legend: The rash on the left forearm.\n" in text
    assert "placeholder" not in text and '""' not in text and "null" not in text
    check(preview.project, capsys)
    wait_for(preview.site + f"cases/{NEW_ID}/", NEW_TITLE, timeout=60)


def test_changing_a_dose_changes_that_one_value(page: Page, preview: Preview) -> None:
    path = preview.project / "case_data" / EXAMPLE / "case.yaml"
    before = path.read_text(encoding="utf-8")
    log_in(page, preview, f"editor.htm#/collections/cases/entries/{EXAMPLE}/case")
    # The list's own element is a div with its field id; the inputs named treatment (of the
    # prior treatments) are inputs.
    treatment = page.locator("div[id^='treatment-field-']")
    unfold = treatment.get_by_role("button", name="Expand").first
    if unfold.is_visible():
        unfold.click()
    taper = treatment.locator("[class*='SortableListItem']").nth(2)
    taper.locator("button").first.click()  # unfold the third step, the first taper
    dose = taper.locator("input[id^='value-field-']")
    expect(dose).to_have_value("2")
    dose.fill("3")
    save(page)
    after = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == ["-    dose: {value: 2, unit: mg}", "+    dose: {value: 3, unit: mg}"]
