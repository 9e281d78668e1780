#!/usr/bin/env bash
# Rebuilds the screenshots in docs/: the digest of a held-out mixed folder (13 stories: twelve
# AllSides dev stories read in place from ../shared/data plus the seed pages) at 375 px, and the
# audit page of seeds/ with its footnotes opened (a copy with <details open>; the page itself
# opens them on click).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars --user-data-dir="$tmp/profile")
.venv/bin/python benchmarks/stories.py --write "$tmp/mixed"
.venv/bin/briefing digest "$tmp/mixed" -o "$tmp/digest"
.venv/bin/briefing build seeds -o "$tmp/seeds"
sed 's/<details /<details open /' "$tmp/seeds/audit.html" > "$tmp/seeds/audit-open.html"
chromium "${flags[@]}" --window-size=375,2400 --screenshot="$PWD/docs/digest.png" \
    "file://$tmp/digest/digest.html"
chromium "${flags[@]}" --window-size=900,2000 --screenshot="$PWD/docs/audit.png" \
    "file://$tmp/seeds/audit-open.html"
