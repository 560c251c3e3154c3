#pragma once

// Writes the Performance Framework workbook (`ehdocs export kpi`; docs/exports.md):
//   KPIs        one row per measure: numerator, denominator, percentage, standard, and
//               whether case files can answer it (unanswerable rows are listed, not dropped)
//   Throughput  episodes opened, closed and open month by month, with a chart
//   Caseloads   open episodes per lead worker on the last day, with a chart
//   Demography  children by age band, ethnicity and gender (requests and open episodes)
//   Invalid files  the case files that could not be read, with their errors
// Written in libxlsxwriter's constant-memory mode (every sheet top to bottom), its temporary
// rows in `tmpdir` ("" = the system's temporary folder). Throws ExportException when the file
// cannot be written.

#include <string>
#include <vector>

#include "export/KpiReport.h"

namespace ehdocs {

class KpiWorkbookWriter {
public:
    static const std::vector<std::string>& kpiHeader();
    static void write(const KpiReport& report, const std::string& path,
                      const std::string& author = "ehdocs", const std::string& tmpdir = "");
};

}  // namespace ehdocs
