"""Build the example site and save a screenshot of the case page for the README."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import chromium, serve_directory  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "screenshot.png")
    parser.add_argument("--path", default="cases/ppp-ad-baricitinib/")
    parser.add_argument("--height", type=int, default=1100)
    parser.add_argument("--scroll-to", default="", help="CSS selector to scroll into view")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            check=True,
        )
        with serve_directory(site) as url, chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": args.height})
            page.goto(url + args.path)
            if args.scroll_to:
                page.locator(args.scroll_to).first.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
