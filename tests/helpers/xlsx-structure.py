"""Prints, as JSON, each sheet of an .xlsx as an independent reader sees it: name, state and merged areas.

Python's own zipfile and ElementTree, following workbook.xml's relationships: nothing of the project's
file port or SheetJS, so a test can check what the port wrote (and what LibreOffice wrote back) without
trusting the code under test. Usage: python3 xlsx-structure.py FILE.xlsx
"""
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def main(path):
    z = zipfile.ZipFile(path)
    names = {n.lower(): n for n in z.namelist()}
    wb_path = "xl/workbook.xml"
    rels = ET.fromstring(z.read(names["xl/_rels/workbook.xml.rels"]))
    target = {r.get("Id"): r.get("Target") for r in rels.iter(PKG + "Relationship")}
    out = []
    for sheet in ET.fromstring(z.read(names[wb_path])).iter(MAIN + "sheet"):
        t = target[sheet.get(REL + "id")]
        part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        ws = ET.fromstring(z.read(names[part.lower()]))
        merges = sorted(m.get("ref") for m in ws.iter(MAIN + "mergeCell"))
        out.append({"name": sheet.get("name"), "state": sheet.get("state") or "visible", "merges": merges})
    json.dump(out, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
