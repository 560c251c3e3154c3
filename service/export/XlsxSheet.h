#pragma once

// One worksheet of an XlsxWorkbook. A thin handle: copying it is cheap and it stays valid
// while its workbook is open. Every write checks libxlsxwriter's result and throws
// ExportException naming the sheet and cell when it fails.
//
// Case text goes through writeText only: it is stored as a string cell, never as a formula,
// whatever it starts with ("=", "+", "-", "@"), cleaned and cut to Excel's limit by cellText().
// In constant-memory mode rows must be written in order; writing above the current row
// throws rather than being silently dropped.

#include <optional>
#include <string>

#include "case/Date.h"
#include "export/XlsxStyle.h"

struct lxw_worksheet;

namespace ehdocs {

class XlsxWorkbook;

class XlsxSheet {
public:
    const std::string& name() const { return _name; }

    void writeText(int row, int col, const std::string& text, XlsxStyle style = XlsxStyle::Plain);
    void writeNumber(int row, int col, double value, XlsxStyle style = XlsxStyle::Plain);
    // A real date cell (a serial number with a date format); blank when `date` is empty; a
    // date before 1 March 1900, which Excel cannot hold exactly, is written as its ISO text.
    void writeDate(int row, int col, const std::optional<Date>& date);
    void writeBlank(int row, int col, XlsxStyle style = XlsxStyle::Plain);
    // A row of header cells starting at column 0.
    template <typename Names>
    void writeHeader(int row, const Names& names) {
        int col = 0;
        for (const auto& name : names) writeText(row, col++, name, XlsxStyle::Header);
    }

    void setColumn(int firstCol, int lastCol, double width, XlsxStyle style = XlsxStyle::Plain);
    // Freezes the rows above `row` (1 = the header row stays in view).
    void freezeRows(int row);
    // How the sheet prints: A4 landscape, one page wide (as many long as it takes), with the
    // first `headerRows` rows repeated at the top of every page. Every sheet gets this from
    // XlsxWorkbook::addSheet with one header row.
    void printLayout(int headerRows);
    void autofilter(int firstRow, int firstCol, int lastRow, int lastCol);

private:
    friend class XlsxWorkbook;
    XlsxSheet(XlsxWorkbook* book, lxw_worksheet* sheet, std::string name)
        : _book(book), _sheet(sheet), _name(std::move(name)) {}
    void check(int error, const char* what, int row, int col) const;
    void checkRow(int row);

    XlsxWorkbook* _book;
    lxw_worksheet* _sheet;
    std::string _name;
    int _lastRow = -1;
};

}  // namespace ehdocs
