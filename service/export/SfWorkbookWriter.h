#pragma once

// Writes the Supporting Families workbook (`ehdocs export sf`; docs/exports.md):
//   Families  one row per family on the programme, claim status and reasons
//   Evidence  one row per criterion and per outcome
//   Summary   families by claim status and by headline (with a chart), the invalid files
// Headers are frozen and filtered, dates are real Excel dates, and every piece of case text
// is a string cell (never a formula). Throws ExportException when the file cannot be written.

#include <cstddef>
#include <string>
#include <vector>

#include "export/SfExport.h"
#include "export/XlsxWorkbook.h"

namespace ehdocs {

struct SfWorkbookOptions {
    // Use libxlsxwriter's constant-memory mode when the export has at least this many
    // families (0 = always). Default 2,000.
    std::size_t constantMemoryFrom = 2000;
    std::string tmpdir;  // for constant-memory temporary files; "" = system default
    std::string author;  // document property; "" = "ehdocs"
};

class SfWorkbookWriter {
public:
    static const std::vector<std::string>& familiesHeader();
    static const std::vector<std::string>& evidenceHeader();

    static void write(const SfExport& data, const std::string& path,
                      const SfWorkbookOptions& options = {});

    // The Families sheet alone, into an open workbook (also used by the benchmark).
    static void writeFamilies(XlsxWorkbook& book, const std::vector<SfFamilyRow>& rows);
};

}  // namespace ehdocs
