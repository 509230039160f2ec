#!/bin/sh
# Regenerates the producer corpus in tests/producers/files and its VERSIONS list (writer and version
# beside each file). Needs: npm dev dependencies (exceljs, xlsx-populate), Debian's python3-openpyxl,
# python3-xlsxwriter, gnumeric (ssconvert) and libreoffice (soffice). The files are committed, so the
# tests need none of these.
set -eu
cd "$(dirname "$0")"
out=files
versions=$out/VERSIONS.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
../../node_modules/.bin/tsx make-node.ts > "$tmp/v"
/usr/bin/python3 make-python.py >> "$tmp/v"
# LibreOffice re-saves XlsxWriter's workbook, Gnumeric openpyxl's: each writes every part its own way.
soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo" --convert-to xlsx --outdir "$tmp" "$out/xlsxwriter.xlsx" > /dev/null 2>&1
mv "$tmp/xlsxwriter.xlsx" "$out/libreoffice.xlsx"
printf 'libreoffice.xlsx\t%s\n' "$(soffice --version | head -1)" >> "$tmp/v"
ssconvert "$out/openpyxl.xlsx" "$out/gnumeric.xlsx" > /dev/null 2>&1
printf 'gnumeric.xlsx\t%s\n' "$(ssconvert --version | head -1)" >> "$tmp/v"
{ printf 'file\twriter and version\n'; cat "$tmp/v"; } > "$versions"
cat "$versions"
