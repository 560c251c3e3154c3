#include "export/XlsxSheet.h"

#include <xlsxwriter.h>

#include "export/ExportException.h"
#include "export/XlsxText.h"
#include "export/XlsxWorkbook.h"

namespace ehdocs {
namespace {

// "B3" for row 2, column 1: where a failure happened, as a spreadsheet user says it.
std::string cellName(int row, int col) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

}  // namespace

void XlsxSheet::check(int error, const char* what, int row, int col) const {
    if (error == LXW_NO_ERROR) return;
    throw ExportException(std::string(what) + " failed at " + _name + "!" + cellName(row, col) +
                          ": " + lxw_strerror(static_cast<lxw_error>(error)));
}

void XlsxSheet::checkRow(int row) {
    if (row < 0 || row >= LXW_ROW_MAX)
        throw ExportException("row " + std::to_string(row + 1) + " is outside Excel's " +
                              std::to_string(LXW_ROW_MAX) + " rows on sheet " + _name);
    if (_book->constantMemory() && row < _lastRow)
        throw ExportException("constant-memory sheet " + _name + " written out of order: row " +
                              std::to_string(row + 1) + " after row " +
                              std::to_string(_lastRow + 1));
    if (row > _lastRow) _lastRow = row;
}

void XlsxSheet::writeText(int row, int col, const std::string& text, XlsxStyle style) {
    checkRow(row);
    if (text.empty()) return writeBlank(row, col, style);
    // Most case text is plain ASCII: write it as it is, without a cleaned copy.
    const bool clean = isCleanCellText(text);
    const std::string cleaned = clean ? std::string() : cellText(text);
    check(worksheet_write_string(_sheet, row, col, clean ? text.c_str() : cleaned.c_str(),
                                 _book->format(style)),
          "writing text", row, col);
}

void XlsxSheet::writeNumber(int row, int col, double value, XlsxStyle style) {
    checkRow(row);
    check(worksheet_write_number(_sheet, row, col, value, _book->format(style)), "writing a number",
          row, col);
}

void XlsxSheet::writeDate(int row, int col, const std::optional<Date>& date) {
    checkRow(row);
    if (!date) return;
    // Excel's dates start in 1900, and its serial numbers are one out before 1 March 1900
    // (it counts a 29 February 1900): such dates are kept, as text, rather than corrupted.
    static const Date kFirstExact = Date::fromYmd(1900, 3, 1);
    if (*date < kFirstExact) return writeText(row, col, date->iso());
    // The serial number is days since 30 December 1899 (1970-01-01 is 25569).
    const double serial = static_cast<double>(date->dayNumber() + 25569);
    check(worksheet_write_number(_sheet, row, col, serial, _book->format(XlsxStyle::Date)),
          "writing a date", row, col);
}

void XlsxSheet::writeBlank(int row, int col, XlsxStyle style) {
    checkRow(row);
    if (style == XlsxStyle::Plain) return;  // an unformatted blank is no cell at all
    check(worksheet_write_blank(_sheet, row, col, _book->format(style)), "writing a blank", row,
          col);
}

void XlsxSheet::setColumn(int firstCol, int lastCol, double width, XlsxStyle style) {
    const lxw_format* f = style == XlsxStyle::Plain ? nullptr : _book->format(style);
    check(worksheet_set_column(_sheet, firstCol, lastCol, width, const_cast<lxw_format*>(f)),
          "setting column widths", 0, firstCol);
}

void XlsxSheet::freezeRows(int row) {
    worksheet_freeze_panes(_sheet, row, 0);
}

void XlsxSheet::printLayout(int headerRows) {
    worksheet_set_landscape(_sheet);
    worksheet_set_paper(_sheet, 9);        // A4
    worksheet_fit_to_pages(_sheet, 1, 0);  // one page wide; 0 = as many pages long as needed
    if (headerRows > 0)
        check(worksheet_repeat_rows(_sheet, 0, headerRows - 1), "repeating the header rows", 0, 0);
}

void XlsxSheet::autofilter(int firstRow, int firstCol, int lastRow, int lastCol) {
    check(worksheet_autofilter(_sheet, firstRow, firstCol, lastRow, lastCol), "setting a filter",
          firstRow, firstCol);
}

}  // namespace ehdocs
