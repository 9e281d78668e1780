#!/usr/bin/env bash
# Creates .venv and installs briefing. torch is pinned first: 2.13.0 is the CPU build this
# machine class has on disk; an unpinned torch would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet torch==2.13.0
.venv/bin/python -m pip install --quiet -e ".[dev,bench,ray]"
