"""`casebook render OUT`: the site's pages and files for another engine to build, as safe as ours.

What the MkDocs hooks do around a build, done here around the hand-off: the folder is written
in a staging folder and swapped in whole only when complete (a failed render leaves the
previous one), no image in it may carry metadata, and each page carries its scholarly head in
its front matter (`casebook_head`, `casebook_site_head`, which overrides/main.html reads).
The allow-list sanitiser cannot run on Markdown; its content is marked instead, so that
`casebook verify-site` can check the HTML the other engine makes of it (cli/verify_site.py).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

from casebook.assemble import PdfsFailed, SiteOutput
from casebook.errors import Diagnostic
from casebook.publish import (
    StagingError,
    discard,
    explain_os_error,
    find_metadata_in_site,
    promote,
    staging_dir_for,
)

# Around each page's content, as HTML comments: Markdown engines pass them through untouched,
# and an author cannot write one (text/policy.py refuses comments).
CONTENT_BEGIN = "<!-- casebook:content -->"
CONTENT_END = "<!-- /casebook:content -->"
# In a folder this command wrote, so that it never replaces one it did not (docs/, say).
STAMP = ".casebook-render"
_STAMP_TEXT = "Written by `casebook render`, which replaces this folder whole.\n"

# Characters a JSON string may hold raw that YAML reads otherwise: C1 controls, NEL and the
# Unicode line and paragraph separators (line breaks to YAML), the byte order mark.
_NOT_FOR_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class RenderRefused(Exception):
    """The page set was not written; the message says why and what to do."""


def check_out(out: Path) -> None:
    """Refuse a folder that this command did not write: it replaces the folder whole."""
    if out.exists() and not _written_here(out):
        raise RenderRefused(
            f"{out} holds files that casebook render did not write; give a new folder or one "
            "it wrote before (it replaces the folder whole)"
        )


def write_page_set(output: SiteOutput, out: Path, *, project_root: Path) -> list[Diagnostic]:
    """Replace `out` with every page and file of `output`, or leave it as it was and raise;
    the warnings of the PDFs typeset meanwhile."""
    check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir_for(out)
    try:
        staging.mkdir()
        for uri, text in output.pages.items():
            page = handed_over(text, head=output.heads.get(uri, ""), site_head=output.site_head)
            _target(staging, uri).write_text(page, encoding="utf-8")
        for uri, data in output.assets.items():
            _target(staging, uri).write_bytes(data)
        for uri, path in output.asset_files.items():
            shutil.copyfile(path, _target(staging, uri))
        # Last: the PDFs were typeset in the background while the pages were written.
        warnings = output.pdfs.finish()
        for uri, path in output.pdfs.files().items():
            shutil.copyfile(path, _target(staging, uri))
        (staging / STAMP).write_text(_STAMP_TEXT, encoding="utf-8")
        leaks = find_metadata_in_site(staging, project_root=project_root)
        if leaks:
            lines = [f"{path}: {', '.join(found)}" for path, found in sorted(leaks.items())]
            raise RenderRefused("published images still carry metadata:\n" + "\n".join(lines))
        promote(staging, out)
    except PdfsFailed as error:
        raise RenderRefused(str(error)) from None
    except OSError as error:
        explained = explain_os_error(error, out)
        if explained is None:
            raise
        raise RenderRefused(explained) from None
    except StagingError as error:
        raise RenderRefused(str(error)) from None
    finally:
        output.pdfs.abandon()
        with contextlib.suppress(OSError):
            discard(staging)
    return warnings


def handed_over(markdown: str, *, head: str, site_head: str) -> str:
    """`markdown` with its head in the front matter and its content between the markers."""
    front, body = "", markdown
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 3) + 1
        front, body = markdown[4:end], markdown[end + 4 :]
    front += "".join(
        f"{key}: {yaml_string(value)}\n"
        for key, value in (("casebook_head", head), ("casebook_site_head", site_head))
        if value
    )
    text = f"{CONTENT_BEGIN}\n\n{body.strip(chr(10))}\n\n{CONTENT_END}\n"
    return f"---\n{front}---\n\n{text}" if front else text


def yaml_string(value: str) -> str:
    """`value` as a double-quoted YAML scalar that every YAML reader reads back the same."""
    encoded = json.dumps(value, ensure_ascii=False)
    return _NOT_FOR_YAML.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def _written_here(out: Path) -> bool:
    return out.is_dir() and ((out / STAMP).is_file() or not any(out.iterdir()))


def _target(root: Path, uri: str) -> Path:
    target = root / uri
    target.parent.mkdir(parents=True, exist_ok=True)
    return target
