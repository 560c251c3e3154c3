#pragma once

// The workbook exports the service answers (GET /api/v1/exports/sf.xlsx and kpi.xlsx, and the
// export jobs of POST /api/v1/exports), built with the export area's writers (docs/exports.md)
// from the current cases and the request's query parameters. An Exporter checks the
// parameters (a bad or missing one throws BadRequestException naming it) and opens a
// WorkbookExport writing to a file, which CaseService::exportWorkbook feeds case by case; a
// workbook that cannot be written throws ExportException.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "case/Case.h"
#include "export/WorkbookExport.h"
#include "rules/ProfileRegistry.h"

namespace ehdocs::server {

using ExportQuery = std::map<std::string, std::string>;

// One export by name: its content type, its parameters' check, and its streamed export.
struct Exporter {
    std::string contentType;
    // Throws BadRequestException for a missing or bad parameter; reads no case.
    std::function<void(const ExportQuery& query)> check;
    // check(), then the export writing to `path` (nothing there until it is finished).
    std::function<std::unique_ptr<WorkbookExport>(const ExportQuery& query,
                                                  const std::string& path)>
        open;
};

// The exports by name: "sf.xlsx", "kpi.xlsx".
using Exporters = std::map<std::string, Exporter>;

class Workbooks {
public:
    using Query = ExportQuery;

    static constexpr const char* kContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // sf.xlsx: Supporting Families claim readiness on `as_of` (required: the API fills in the
    // service's today), `team` (default all). kpi.xlsx: the Performance Framework KPIs for
    // `from`..`to` (both required), `team` (default all), each case judged by its own
    // profile's standards in `profiles` (the service's own, the ones /readiness uses; it must
    // outlive the exporters). Constant-memory workbooks keep their rows in `tmpdir` until
    // they are written ("" = the system's temporary folder).
    static Exporters exporters(const rules::ProfileRegistry& profiles,
                               const std::string& tmpdir = "");

    // The bytes of the workbook `write` writes to the temporary path it is given (the API
    // answers bytes); the file is removed.
    static std::string bytesOf(const std::function<void(const std::string& path)>& write);
};

}  // namespace ehdocs::server
