#!/usr/bin/env bash
# Opens a workbook written by `fbs-playbook init` in LibreOffice and renders it: xlsx → PDF → PNG.
# Fails when LibreOffice cannot open the workbook (no PDF, or an empty one), so a workbook that a
# spreadsheet program would refuse or "repair" is caught. Keeps the PDF and PNGs for a look.
#
#   scripts/libreoffice-check.sh [OUT_DIR] [--lang da|en] [--empty]
#     OUT_DIR   where to put plan.xlsx, plan.pdf and plan-N.png (default: a new temp folder)
#     --empty   check the empty workbook instead of the example plan
# Needs: soffice (LibreOffice Calc) and pdftoppm (poppler-utils).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out=""
lang="da"
example="--example"
while [ $# -gt 0 ]; do
  case "$1" in
    --lang) lang="$2"; shift 2 ;;
    --empty) example=""; shift ;;
    -*) echo "libreoffice-check: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "libreoffice-check: $tool is not installed (apt-get install libreoffice-calc poppler-utils)" >&2; exit 2; }
done
[ -n "$out" ] || out="$(mktemp -d)"
mkdir -p "$out"
[ -f "$repo/lib/cli/main.js" ] || (cd "$repo" && npm run --silent build:cli)
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

node "$repo/bin/fbs-playbook.js" init $example --force --lang "$lang" "$out/plan.xlsx" >/dev/null
rm -f "$out/plan.pdf" "$out"/plan-*.png
# A private profile, so this runs beside any other LibreOffice.
timeout 120 soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$out/plan.xlsx" >/dev/null 2>&1 || true
if [ ! -s "$out/plan.pdf" ]; then
  echo "libreoffice-check: LibreOffice could not open $out/plan.xlsx (no PDF was written)" >&2
  exit 1
fi
pdftoppm -r 60 -png "$out/plan.pdf" "$out/plan"
pages=$(ls "$out"/plan-*.png | wc -l)
if [ "$pages" -lt 8 ]; then
  echo "libreoffice-check: only $pages page(s) rendered; expected at least one per sheet (8)" >&2
  exit 1
fi
echo "libreoffice-check: LibreOffice opened $out/plan.xlsx and rendered $pages pages: $out/plan.pdf, $out/plan-*.png"
