"""Corpus workbooks of the Python producers (openpyxl, XlsxWriter), from files/roster.json.

Run with Debian's python (/usr/bin/python3, packages python3-openpyxl and python3-xlsxwriter) by
tests/producers/build.sh; the results are committed.
"""
import datetime
import json
import os
import sys

import openpyxl
import xlsxwriter

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")
data = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))


def day(iso):
    return datetime.datetime.strptime(iso, "%Y-%m-%d")


def with_dates(row):
    return [day(v) if i == 3 else v for i, v in enumerate(row)]


def by_openpyxl():
    wb = openpyxl.Workbook()
    t = wb.active
    t.title = data["teacherSheet"]
    t.append(data["teacherHeader"])
    for i, s in enumerate(data["scores"]):
        t.append([s["name"], s["chinese"], s["maths"], "=B%d+C%d" % (i + 2, i + 2)])
    r = wb.create_sheet(data["sheet"])
    r.append(data["header"])
    for row in data["rows"]:
        r.append(with_dates(row))
    for cell in r["D"][1:]:
        cell.number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))


def by_xlsxwriter():
    wb = xlsxwriter.Workbook(os.path.join(HERE, "xlsxwriter.xlsx"))
    fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    t = wb.add_worksheet(data["teacherSheet"])
    t.write_row(0, 0, data["teacherHeader"])
    for i, s in enumerate(data["scores"]):
        t.write_row(i + 1, 0, [s["name"], s["chinese"], s["maths"]])
        t.write_formula(i + 1, 3, "=B%d+C%d" % (i + 2, i + 2), None, s["chinese"] + s["maths"])
    r = wb.add_worksheet(data["sheet"])
    r.write_row(0, 0, data["header"])
    for i, row in enumerate(data["rows"]):
        for j, v in enumerate(row):
            if j == 3:
                r.write_datetime(i + 1, j, day(v), fmt)
            elif isinstance(v, str):
                r.write_string(i + 1, j, v)
            else:
                r.write_number(i + 1, j, v)
    wb.close()


by_openpyxl()
by_xlsxwriter()
sys.stdout.write("openpyxl.xlsx\topenpyxl %s\nxlsxwriter.xlsx\tXlsxWriter %s\n" % (openpyxl.__version__, xlsxwriter.__version__))
