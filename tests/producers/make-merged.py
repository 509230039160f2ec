"""The merged-class roster written by openpyxl, from files/merged/merged-class.json (make-merged-data.ts).

Each merge as openpyxl's merge_cells writes it (a <mergeCells> list; the covered cells left empty), the
birth dates as real dates. Run by tests/producers/build.sh with a python that has openpyxl.
"""
import datetime
import json
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files", "merged")
data = json.load(open(os.path.join(HERE, "merged-class.json"), encoding="utf-8"))

wb = openpyxl.Workbook()
ws = wb.active
ws.title = data["sheet"]
for r, line in enumerate(data["rows"], start=1):
    for c, v in enumerate(line, start=1):
        if v is None:
            continue
        if isinstance(v, dict) and "date" in v:
            cell = ws.cell(row=r, column=c, value=datetime.datetime.strptime(v["date"], "%Y-%m-%d"))
            cell.number_format = "yyyy-mm-dd"
        else:
            ws.cell(row=r, column=c, value=v)
for m in data["merges"]:
    ws.merge_cells("%s%d:%s%d" % (get_column_letter(m["c0"] + 1), m["r0"] + 1, get_column_letter(m["c1"] + 1), m["r1"] + 1))
wb.save(os.path.join(HERE, "openpyxl-merged-class.xlsx"))
sys.stdout.write("merged/openpyxl-merged-class.xlsx\topenpyxl %s\n" % openpyxl.__version__)
