#pragma once

// The Supporting Families export (docs/exports.md) written as the cases come: each case on
// the programme is assessed and its rows appended to the workbook at once (SfWorkbookWriter
// in constant-memory mode), so memory stays flat however many cases there are. Gives the
// same workbook as SfWorkbookWriter::write of an SfExport of the same cases in the same
// order. See WorkbookExport for the life cycle; not thread-safe.

#include <string>
#include <vector>

#include "export/SfExport.h"
#include "export/SfWorkbookWriter.h"
#include "export/WorkbookExport.h"

namespace ehdocs {

class SfWorkbookExport : public WorkbookExport {
public:
    // `options.tmpdir` holds the rows until finish() ("" = the system's temporary folder);
    // `options.constantMemoryFrom` is not used (always constant memory).
    SfWorkbookExport(const std::string& path, ClaimAssessor assessor, Date asOf,
                     std::string team = "", const SfWorkbookOptions& options = {});

    void add(const Case& kase) override;
    void addInvalid(InvalidCaseFile file) override { _invalid.push_back(std::move(file)); }
    void finish() override;
    std::size_t casesRead() const override { return _casesRead; }

    std::size_t families() const { return _families; }
    std::size_t invalid() const { return _invalid.size(); }

private:
    ClaimAssessor _assessor;
    Date _asOf;
    std::string _team;
    SfWorkbookWriter _writer;
    std::vector<InvalidCaseFile> _invalid;
    std::size_t _casesRead = 0, _notOnProgramme = 0, _families = 0;
};

}  // namespace ehdocs
