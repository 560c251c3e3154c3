#!/usr/bin/python3
"""The comparison writer for bench_export: writes the Families sheet with Debian's
python3-xlsxwriter, from the same values ehdocs writes, and prints the seconds it took.

usage: sf_families_writer.py ROWS.json OUT.xlsx [constant|memory]

ROWS.json: {"header": [...], "rows": [[...13 values...], ...]}, dates as "YYYY-MM-DD" or "".
Loading the JSON is not timed; building and closing the workbook is, three times, and the
best wall-clock and CPU seconds are printed ("WALL CPU"), as bench_export does for ehdocs.
The workbook matches ehdocs': the same memory mode, bold header, date cells with a date
format, column widths, frozen and filtered header row.
"""
import datetime
import json
import sys
import time

import xlsxwriter

DATE_COLUMNS = (5, 11)
RUNS = 3  # best of three, as bench_export does for its own writer
WIDTHS = [14, 16, 20, 20, 12, 12, 36, 10, 10, 22, 32, 14, 80]


def main(rows_path, out_path):
    with open(rows_path, encoding="utf-8") as f:
        data = json.load(f)
    rows = data["rows"]
    for row in rows:  # hand the writer real dates, as ehdocs has them
        for c in DATE_COLUMNS:
            row[c] = datetime.date.fromisoformat(row[c]) if row[c] else None

    best_wall = best_cpu = None
    for attempt in range(RUNS):
        wall, cpu = write(data, rows, out_path)
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    print("%.6f %.6f" % (best_wall, best_cpu))


def write(data, rows, out_path):
    start, start_cpu = time.perf_counter(), time.process_time()
    book = xlsxwriter.Workbook(out_path, {"constant_memory": CONSTANT_MEMORY, "strings_to_formulas": False,
                                          "strings_to_numbers": False, "strings_to_urls": False})
    header = book.add_format({"bold": True, "bg_color": "#D9D9D9", "text_wrap": True,
                              "valign": "top", "bottom": 1})
    date = book.add_format({"num_format": "d mmm yyyy"})
    sheet = book.add_worksheet("Families")
    for c, width in enumerate(WIDTHS):
        sheet.set_column(c, c, width)
    for c, name in enumerate(data["header"]):
        sheet.write_string(0, c, name, header)
    r = 1
    for row in rows:
        for c, value in enumerate(row):
            if c in DATE_COLUMNS:
                if value is not None:
                    sheet.write_datetime(r, c, value, date)
            elif value:
                sheet.write_string(r, c, value)
        r += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, r - 1, len(data["header"]) - 1)
    book.close()
    return time.perf_counter() - start, time.process_time() - start_cpu


if __name__ == "__main__":
    CONSTANT_MEMORY = len(sys.argv) < 4 or sys.argv[3] == "constant"
    main(sys.argv[1], sys.argv[2])
