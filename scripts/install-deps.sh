#!/usr/bin/env bash
# Install what chitieu needs to build and test on Debian 12, and nothing that
# is already there. Safe to run again. Needs root (or sudo) only when
# something is missing.
set -euo pipefail

pkgs=(
  build-essential cmake pkg-config clang-14 libclang-rt-14-dev clang-format
  libcmocka-dev libjansson-dev libutf8proc-dev libicu-dev libsqlite3-dev sqlite3 bc
  postgresql-15 postgresql-client-15 libpq-dev
  libmicrohttpd-dev libsodium-dev curl jq libxlsxwriter-dev libzip-dev libexpat1-dev zlib1g-dev
  libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev tesseract-ocr-vie
)

# `install-deps.sh check` adds what the browser tests need: Debian's
# chromium, and node with npm for playwright-core (tests/browser).
# `install-deps.sh bench` adds node and npm for DuckDB (@duckdb/node-api) in
# scripts/bench-compare.sh, and wrk and nginx for the HTTP benchmark.
# imagemagick and img2pdf make scanned PDFs (tests/tools/make-scans.sh;
# make-office-scans.sh draws its seal in fonts-dejavu-core).
# node is checked by command, not package: a node from elsewhere
# (NodeSource) bundles npm and conflicts with Debian's npm package.
extra=()
if [ "${1:-}" = bench ] || [ "${1:-}" = check ]; then
  command -v node >/dev/null || extra+=(nodejs)
  command -v npm >/dev/null || extra+=(npm)
fi
if [ "${1:-}" = check ]; then
  # Some test scripts compute with python3 (Debian's, or one already on PATH).
  command -v python3 >/dev/null || extra+=(python3)
  # tests/cli/opensdg_check.py reads Open SDG's metadata with PyYAML when present.
  python3 -c 'import yaml' 2>/dev/null || extra+=(python3-yaml)
  pkgs+=(chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation unzip qpdf
    imagemagick img2pdf fonts-dejavu-core)
  # gdb: the stacks of a process a test finds hung (scripts/proc-lib.sh).
  pkgs+=(gdb)
fi
if [ "${1:-}" = bench ]; then
  # GNU time: the CPU time and peak memory of a command (bench-bulk,
  # bench-national, bench-ocr).
  pkgs+=(wrk nginx-light time)
  # scripts/bench-ocr.sh makes its 6-page scan from a rendered plan, in the
  # fonts the tests render with.
  pkgs+=(libreoffice-writer-nogui poppler-utils imagemagick img2pdf fonts-liberation)
fi

missing=("${extra[@]}")
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
