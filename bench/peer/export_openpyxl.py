#!/usr/bin/python3
"""The peer of Shinchoku's 資料4 export: the same 10,000-row sheet in the same layout, written with openpyxl.

Reads the generated rows (bench/Shinchoku.Reports.Bench dump), then writes 資料4-2 as Shinchoku does: title row,
header as printed with the fiscal years and the legend, group columns merged (大項目 中項目 小項目 vertical), wrapped
text, column widths, row heights from the text, A3 landscape fitted to the width, title and header repeated on every
page, frozen panes. Only the writing is timed (the JSON load is not). Debian's python3-openpyxl.

    /usr/bin/python3 export_openpyxl.py rows.json out.xlsx [repeat]
"""
import json
import math
import statistics
import sys
import time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties

COLUMNS = [
    ("Area", "大項目", 5), ("Section", "中項目", 5), ("Subsection", "小項目", 5), ("Initiative", "取組名", 16),
    ("Indicator", "成果指標", 18), ("Baseline", "基準値\n（令和元年度）", 13), ("Actual", "令和2年度\n実績値", 14),
    ("Projection", "令和2年度末\n見込値", 13), ("Basis", "見込値の算出根拠", 18), ("Final", "最終目標\n（令和3年度）", 11),
    ("Status", "令和2年度の取組状況", 32), ("Challenges", "取組を行っている上での課題", 22), ("Plan", "今後の取組方針・対策", 22),
    ("Question", "取組を行っていく上でアドバイザリー会議で専門家に聞きたいこと", 20),
    ("Trend", "基準値に対する\n令和2年度の見込値\n（実績値）", 10),
    ("Rating", "進捗率\n◎100%以上　○50%以上進捗\n△50%未満進捗　ー進捗に増減なし\n×減少", 14),
]
GROUPS = 4  # Area, Section, Subsection, Initiative


def lines(text, width):
    usable = max(2, int(width * 1.1) - 1)
    total = 0
    for part in (text or "").split("\n"):
        w = sum(1 if " " <= c <= "~" else 2 for c in part)
        total += max(1, math.ceil(w / usable))
    return total


def write(rows, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "資料4-2"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Alignment(horizontal="left", vertical="top", wrap_text=True)
    vertical = Alignment(horizontal="center", vertical="top", wrap_text=True, text_rotation=255)
    mark = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header_fill = PatternFill("solid", fgColor="FFE7E6E6")
    font = Font(name="游ゴシック", size=10)
    bold = Font(name="游ゴシック", size=10, bold=True)

    for i, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width
    ws.cell(row=1, column=1, value="資料４－２　個別施策").font = Font(name="游ゴシック", size=14, bold=True)
    ws.row_dimensions[1].height = 24
    for i, (_, header, width) in enumerate(COLUMNS, start=1):
        c = ws.cell(row=2, column=i, value=header)
        c.font, c.fill, c.border, c.alignment = bold, header_fill, border, mark
    ws.row_dimensions[2].height = max(lines(h, w) for _, h, w in COLUMNS) * 13.5 + 4

    runs = [None] * GROUPS  # (start row, key)
    r = 3
    for row in rows:
        height = 1
        for g, (key, _, width) in enumerate(COLUMNS):
            text = row[key]
            if g >= GROUPS:
                height = max(height, lines(text, width))
        ws.row_dimensions[r].height = min(409, height * 13.5 + 4)
        for g, (key, _, _) in enumerate(COLUMNS):
            c = ws.cell(row=r, column=g + 1)
            if g < GROUPS:
                group_key = tuple(row[COLUMNS[k][0]] for k in range(g + 1))
                if runs[g] is None or runs[g][1] != group_key:
                    if runs[g] is not None and r - 1 > runs[g][0]:
                        ws.merge_cells(start_row=runs[g][0], start_column=g + 1, end_row=r - 1, end_column=g + 1)
                    runs[g] = (r, group_key)
                    c.value = row[key]
                c.alignment = vertical if g < 3 else body
            else:
                c.value = row[key]
                c.alignment = mark if key in ("Trend", "Rating") else body
            c.font = font
            c.border = border
        r += 1
    for g in range(GROUPS):
        if runs[g] is not None and r - 1 > runs[g][0]:
            ws.merge_cells(start_row=runs[g][0], start_column=g + 1, end_row=r - 1, end_column=g + 1)

    ws.freeze_panes = "F3"
    ws.print_title_rows = "1:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    wb.save(path)


def main():
    source, target = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(source, encoding="utf-8") as f:
        rows = json.load(f)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        write(rows, target)
        times.append((time.perf_counter() - start) * 1000)
    print(f"peer rows={len(rows)} median_ms={statistics.median(times):.0f} min_ms={min(times):.0f}")


if __name__ == "__main__":
    main()
