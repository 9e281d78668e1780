#!/usr/bin/env bash
# Creates .venv and installs briefing. torch is pinned first: 2.13.0 is the CPU build this
# machine class has on disk; an unpinned torch would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
# Headless Chromium renders digest.html and audit.html in the browser tests; Debian's package,
# installed only when missing and only as root (CI runs as root on a fresh machine).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet torch==2.13.0
.venv/bin/python -m pip install --quiet -e ".[dev,bench]"
