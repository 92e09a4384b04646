"""The `casebook` command: check cases, start a new case, export the schema, write pages for
another engine and verify the site it built, prune or clear the build cache."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from casebook.assemble import build_site_output
from casebook.cli import cache_command
from casebook.cli.handoff import RenderRefused, check_out, write_page_set
from casebook.cli.init import InitError, add_arguments, apply_identity, ask_identity
from casebook.cli.site_config import MKDOCS_YML, site_settings
from casebook.cli.verify_site import verify_site
from casebook.editor import make_server, write_cms_config
from casebook.errors import CaseDataError, SettingsError, format_report
from casebook.load import load_cases
from casebook.models import write_schema
from casebook.publish import CACHE_DIR
from casebook.render import NewCaseError, case_kinds, create_case, field_reference_page

FIELD_REFERENCE = "docs/guide/fields.md"


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except Exception as exc:
        # A bug in Casebook, not in the author's data: one line, not a traceback.
        if os.environ.get("CASEBOOK_DEBUG"):
            raise
        print(
            f"casebook: internal error ({type(exc).__name__}: {exc}); please report it, "
            "or set CASEBOOK_DEBUG=1 to see the traceback",
            file=sys.stderr,
        )
        return 2


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="casebook", description=__doc__)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="project folder holding case_data/ (default: current folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every case without building the site")
    init = commands.add_parser(
        "init", help="make the site your own: title, address, publisher and licence"
    )
    add_arguments(init)
    new = commands.add_parser("new", help="start a new case from the template")
    new.add_argument("case_id", help="folder name of the new case, e.g. psoriasis-secukinumab")
    new.add_argument(
        "--kind",
        choices=case_kinds(),
        default=case_kinds()[0],
        help="which template to start from (default: %(default)s)",
    )
    commands.add_parser(
        "schema",
        help="write schema/case.schema.json and docs/guide/fields.md from the case model",
    )
    commands.add_parser(
        "editor-config", help="write schema/cms-config.yml, the form editor's, from the case model"
    )
    backend = commands.add_parser(
        "editor-backend", help="serve the form editor's local backend (./dev.sh edit starts it)"
    )
    backend.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (8081)")
    render = commands.add_parser(
        "render", help="write the Markdown pages and figures to a folder, for another engine"
    )
    render.add_argument("out", type=Path)
    render.add_argument("--drafts", action="store_true", help="include draft cases")
    verify = commands.add_parser(
        "verify-site",
        help="check a site built from those pages: sanitised content, images without metadata",
    )
    verify.add_argument("site", type=Path)
    cache = commands.add_parser(
        "cache", help="prune the build cache (.cache/casebook/) now, or clear it"
    )
    cache_command.add_arguments(cache)
    args = parser.parse_args(argv)
    root: Path = args.root
    if args.command == "check":
        return _check(root)
    if args.command == "new":
        try:
            path = create_case(root / "case_data", args.case_id, kind=args.kind)
        except NewCaseError as exc:
            print(f"casebook new: {exc}", file=sys.stderr)
            return 1
        # dev.sh is how authors run Casebook; `casebook` itself is only on the venv's PATH.
        print(
            f"created {path.relative_to(root)}; fill it in, then run: ./dev.sh check "
            "(./dev.sh serve previews it as you save)"
        )
        return 0
    if args.command == "init":
        return _init(root, args)
    if args.command == "schema":
        print(f"wrote {write_schema(root / 'schema' / 'case.schema.json').relative_to(root)}")
        # The field reference is committed, not built, so that it reads on GitHub too.
        fields = root / FIELD_REFERENCE
        fields.parent.mkdir(parents=True, exist_ok=True)
        fields.write_text(field_reference_page(), encoding="utf-8")
        print(f"wrote {FIELD_REFERENCE}")
        return 0
    if args.command == "editor-config":
        print(f"wrote {write_cms_config(root).relative_to(root)}")
        return 0
    if args.command == "editor-backend":
        return _editor_backend(root, args.port)
    if args.command == "verify-site":
        return _verify_site(root, args.site)
    if args.command == "cache":
        return cache_command.run(root, clear=args.clear)
    return _render(root, args.out, drafts=args.drafts)


def _editor_backend(root: Path, port: int) -> int:
    try:
        settings = site_settings(root)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    server = make_server(root, case_dir=settings.case_dir, port=port)
    print(f"casebook editor-backend: saving cases under {settings.case_dir}/ (127.0.0.1:{port})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _init(root: Path, args: argparse.Namespace) -> int:
    try:
        site = ask_identity(args, root, input)
        done = apply_identity(root, site)
    except (InitError, SettingsError) as exc:
        print(f"casebook init: {exc}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    path = urlsplit(site.url).path or "/"
    print(
        f"next: ./dev.sh new <case-id> starts your first case; ./dev.sh serve previews the "
        f"site at http://127.0.0.1:8000{path}; docs/guide/publishing.md puts it online"
    )
    return 0


def _check(root: Path) -> int:
    try:
        settings = site_settings(root)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    result = load_cases(root / settings.case_dir, project_root=root, settings=settings)
    print(format_report(result.diagnostics, files=result.files))
    return 1 if result.errors else 0


def _render(root: Path, out: Path, *, drafts: bool) -> int:
    try:
        check_out(out)  # before the work of building, which would be lost
        output = build_site_output(
            root,
            settings=site_settings(root),
            include_drafts=drafts,
            settings_file=root / MKDOCS_YML,
        )
        for warning in write_page_set(output, out, project_root=root):
            print(warning.format(), file=sys.stderr)
    except (CaseDataError, SettingsError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except RenderRefused as exc:
        print(f"casebook render: {exc}", file=sys.stderr)
        return 1
    files = len(output.assets) + len(output.asset_files) + len(output.pdfs.pdfs)
    print(f"wrote {len(output.pages)} pages and {files} files to {out}")
    print(
        "build them with overrides/ as the theme's custom_dir, then check the built site: "
        "casebook verify-site SITE"
    )
    return 0


def _verify_site(root: Path, site: Path) -> int:
    if not site.is_dir():
        print(f"casebook verify-site: {site} is not a folder", file=sys.stderr)
        return 1
    # Verdicts on images are kept in the project's build cache, if it has one.
    cached = root if (root / CACHE_DIR).is_dir() else None
    report = verify_site(site, project_root=cached)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems:
        count = len(report.problems)
        print(
            f"casebook verify-site: {site} is not safe to publish "
            f"({count} problem{'' if count == 1 else 's'})",
            file=sys.stderr,
        )
        return 1
    pages = f"{report.pages} Casebook page{'' if report.pages == 1 else 's'}"
    print(f"{site}: {pages} as the sanitiser leaves them, and no image with metadata")
    return 0
