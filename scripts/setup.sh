#!/usr/bin/env bash
# Creates .venv, installs briefing, and exports the default embedder (MiniLM) to ONNX once.
# torch is pinned first: 2.13.0 is the CPU build this machine class has on disk; an unpinned
# torch would pull a multi-GB CUDA build. A finished install leaves a stamp (a hash of this
# script and pyproject.toml) in .venv; while the stamp matches, the install steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

# Headless Chromium renders digest.html and audit.html in the browser tests; Debian's package,
# installed only when missing and only as root (CI runs as root on a fresh machine).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    printf '==> %s\n' "installing Debian's chromium for the browser tests (a minute or two)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

stamp=.venv/.setup-stamp
wanted=$(cat scripts/setup.sh pyproject.toml | sha256sum | cut -d' ' -f1)
step() { printf '==> %s\n' "$*"; }

if [[ -f $stamp && $(cat "$stamp") == "$wanted" && -x .venv/bin/briefing ]]; then
    step "briefing is already installed in .venv (delete $stamp to reinstall)"
else
    step "creating the virtual environment .venv"
    python3 -m venv .venv
    step "upgrading pip"
    .venv/bin/python -m pip install --quiet --upgrade pip
    step "installing torch 2.13.0, CPU build (about 200 MB: a minute or two)"
    .venv/bin/python -m pip install --quiet torch==2.13.0
    step "installing briefing with its model, test and benchmark extras (about a minute)"
    .venv/bin/python -m pip install --quiet -e ".[abstractive,dev,bench,ray]"
    echo "$wanted" >"$stamp"
fi
step "exporting the MiniLM embedder to ONNX once (about 20 s; skipped when already done)"
.venv/bin/python -m briefing.onnx_model
step "done: try .venv/bin/briefing build seeds/"
