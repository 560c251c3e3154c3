#!/usr/bin/python3
"""Reads an .xlsx with openpyxl (an independent reader) and prints it as JSON for the tests.

usage: read_workbook.py FILE.xlsx

Output: {"sheets": [{"name", "freeze", "filter", "widths": {col: width},
                     "rows": [[cell, ...], ...], "charts": n,
                     "print": {"orientation", "paper", "fit_width", "fit_height", "fit",
                               "title_rows"}}],
         "chart_categories": [the category reference of each chart's first series],
         "properties": {"title", "subject", "creator", "category", "keywords"},
         "formula_elements": number of <f> elements in all worksheet XML}
A cell is null (empty) or {"t": type, "v": value}: t is "s" text, "n" number, "d" a real
date (v is YYYY-MM-DD), "b" boolean, "f" a formula (v its text).
"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl


def cell_json(cell):
    if cell.value is None:
        return None
    if cell.data_type == "f":
        return {"t": "f", "v": str(cell.value)}
    if isinstance(cell.value, (datetime.datetime, datetime.date)):
        return {"t": "d", "v": cell.value.strftime("%Y-%m-%d")}
    if isinstance(cell.value, bool):
        return {"t": "b", "v": cell.value}
    if isinstance(cell.value, (int, float)):
        return {"t": "n", "v": cell.value}
    return {"t": "s", "v": str(cell.value)}


def main(path):
    book = openpyxl.load_workbook(path)  # not read_only: keeps freeze panes and filters
    out = {"sheets": [], "properties": {}}
    for ws in book.worksheets:
        out["sheets"].append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            "charts": len(ws._charts),
            "print": {"orientation": ws.page_setup.orientation,
                      "paper": ws.page_setup.paperSize,
                      # absent means 1, the default of the file format
                      "fit_width": 1 if ws.page_setup.fitToWidth is None
                      else ws.page_setup.fitToWidth,
                      "fit_height": 1 if ws.page_setup.fitToHeight is None
                      else ws.page_setup.fitToHeight,
                      "fit": ws.sheet_properties.pageSetUpPr.fitToPage
                      if ws.sheet_properties.pageSetUpPr else None,
                      "title_rows": ws.print_title_rows},
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        })
    p = book.properties
    out["properties"] = {"title": p.title, "subject": p.subject, "creator": p.creator,
                         "category": p.category, "keywords": p.keywords}
    formulas = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                formulas += len(re.findall(rb"<f[ >]", z.read(name)))
    out["formula_elements"] = formulas
    with zipfile.ZipFile(path) as z:
        out["chart_categories"] = [
            m.decode() for name in sorted(z.namelist())
            if name.startswith("xl/charts/chart") and name.endswith(".xml")
            for m in re.findall(rb"<c:cat>.*?<c:f>([^<]*)</c:f>", z.read(name), re.S)[:1]]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
