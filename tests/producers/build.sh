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

# Merged cells below the header (班级 merged per class, twins' family cells), written by openpyxl and saved
# again by LibreOffice: files/merged, read by merged.test.ts, apart from the corpus of the same roster.
../../node_modules/.bin/tsx make-merged-data.ts
/usr/bin/python3 make-merged.py > "$tmp/m"
soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo" --convert-to xlsx --outdir "$tmp" "$out/merged/openpyxl-merged-class.xlsx" > /dev/null 2>&1
mv "$tmp/openpyxl-merged-class.xlsx" "$out/merged/libreoffice-merged-class.xlsx"
printf 'merged/libreoffice-merged-class.xlsx\t%s\n' "$(soffice --version | head -1)" >> "$tmp/m"
{ printf 'file\twriter and version\n'; cat "$tmp/m"; } > "$out/merged/VERSIONS.tsv"
cat "$out/merged/VERSIONS.tsv"
