#pragma once

// The workbook exports the service answers (GET /api/v1/exports/sf.xlsx and kpi.xlsx), built
// with the export area's writers (docs/exports.md) from every current case and the request's
// query parameters. Each returns the .xlsx bytes; a bad or missing parameter throws
// BadRequestException naming it; a workbook that cannot be written throws ExportException.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "case/Case.h"

namespace ehdocs::server {

class Workbooks {
public:
    using Cases = std::vector<std::shared_ptr<const Case>>;
    using Query = std::map<std::string, std::string>;

    static constexpr const char* kContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Supporting Families claim readiness on `as_of` (required: the API fills in the service's
    // today), `team` (default all).
    static std::string supportingFamilies(const Cases& cases, const Query& query);

    // Performance Framework KPIs for `from`..`to` (both required), `team` (default all).
    static std::string kpi(const Cases& cases, const Query& query);
};

}  // namespace ehdocs::server
