#include "export/SfWorkbookExport.h"

namespace ehdocs {

namespace {

XlsxOptions streamed(const SfWorkbookOptions& options) {
    XlsxOptions xlsx;
    xlsx.constantMemory = true;
    xlsx.tmpdir = options.tmpdir;
    return xlsx;
}

}  // namespace

SfWorkbookExport::SfWorkbookExport(const std::string& path, ClaimAssessor assessor, Date asOf,
                                   std::string team, const SfWorkbookOptions& options)
    : _assessor(assessor),
      _asOf(asOf),
      _team(team),
      _writer(path, asOf, std::move(team), streamed(options), options.author) {}

// As SfExport::add, the rows written instead of kept.
void SfWorkbookExport::add(const Case& kase) {
    if (!inTeam(kase, _team)) return;
    ++_casesRead;
    if (!kase.supportingFamilies) {
        ++_notOnProgramme;
        return;
    }
    const SfFamily family = sfFamily(kase, _assessor, _asOf);
    _writer.addFamily(family.row);
    for (const auto& e : family.evidence) _writer.addEvidence(e);
    ++_families;
}

void SfWorkbookExport::finish() {
    _writer.finish(_casesRead, _notOnProgramme, _invalid);
}

}  // namespace ehdocs
