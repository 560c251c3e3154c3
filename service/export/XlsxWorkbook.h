#pragma once

// An .xlsx file being written with libxlsxwriter: the one place its C API is called from
// (with XlsxSheet). Every call's lxw_error is checked and a failure throws ExportException
// with a message naming the file and what failed. Not thread-safe; one writer per file.
//
// Life cycle: construct (creates nothing on disk yet), add sheets and charts, write, then
// close(), which writes the file and throws if that fails. Destroying an unclosed workbook
// abandons it and removes any partial file.

#include <string>
#include <vector>

#include "export/XlsxChart.h"
#include "export/XlsxSheet.h"
#include "export/XlsxStyle.h"

struct lxw_workbook;
struct lxw_format;

namespace ehdocs {

struct XlsxOptions {
    // Write rows to temporary files as they are finished instead of keeping the sheets in
    // memory (rows must then be written top to bottom). Default off.
    bool constantMemory = false;
    std::string tmpdir;  // where the temporary files go; "" = the system's default
};

struct XlsxProperties {  // document properties (File > Properties)
    std::string title, subject, author, company, category, keywords, comments;
};

class XlsxWorkbook {
public:
    XlsxWorkbook(const std::string& path, const XlsxOptions& options = {});
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    // Adds a worksheet after checkSheetName(); throws ExportException for a bad name.
    XlsxSheet addSheet(const std::string& name);
    void setProperties(const XlsxProperties& properties);
    // Draws `chart` with its top-left corner at the cell (row, col) of `sheet`.
    void insertChart(XlsxSheet& sheet, int row, int col, const XlsxChart& chart);

    // Writes the file. Throws ExportException when libxlsxwriter cannot.
    void close();

    const std::string& path() const { return _path; }
    bool constantMemory() const { return _options.constantMemory; }

private:
    friend class XlsxSheet;
    lxw_format* format(XlsxStyle style) const;
    void addFormats();

    std::string _path;
    XlsxOptions _options;
    lxw_workbook* _book = nullptr;
    std::vector<lxw_format*> _formats;
    std::vector<std::string> _sheetNames;
};

}  // namespace ehdocs
