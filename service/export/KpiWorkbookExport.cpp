#include "export/KpiWorkbookExport.h"

#include "export/KpiWorkbookWriter.h"

namespace ehdocs {

KpiWorkbookExport::KpiWorkbookExport(const std::string& path, KpiPeriod period, std::string team,
                                     KpiReport::StandardsFor standardsFor, std::string author,
                                     std::string tmpdir)
    : _path(path),
      _author(std::move(author)),
      _tmpdir(std::move(tmpdir)),
      _report(period, KpiStandards{}, std::move(team), std::move(standardsFor)) {}

void KpiWorkbookExport::finish() {
    KpiWorkbookWriter::write(_report, _path, _author, _tmpdir);
}

}  // namespace ehdocs
