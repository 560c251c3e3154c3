#include "export/KpiWorkbookExport.h"

#include "export/KpiWorkbookWriter.h"

namespace ehdocs {

KpiWorkbookExport::KpiWorkbookExport(const std::string& path, KpiPeriod period, std::string team,
                                     KpiReport::StandardsFor standardsFor, std::string author)
    : _path(path),
      _author(std::move(author)),
      _report(period, KpiStandards{}, std::move(team), std::move(standardsFor)) {}

void KpiWorkbookExport::finish() {
    KpiWorkbookWriter::write(_report, _path, _author);
}

}  // namespace ehdocs
