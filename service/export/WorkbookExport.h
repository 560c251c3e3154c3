#pragma once

// One workbook export being built (SfWorkbookExport, KpiWorkbookExport): cases are given one
// at a time, in the order the workbook lists them, and each is dropped once added, so an
// export's memory does not grow with the cases it reads (the SF rows are written to the
// file as they come; the KPIs keep only a few small values per case). Not thread-safe: one
// caller adds, then finishes.
//
// Life cycle: construct (the file is not written yet), add() and addInvalid() any number of
// times, then finish(), which writes the file and throws ExportException when it cannot.
// Destroying an unfinished export abandons it and leaves no file at its path.

#include <cstddef>

#include "case/Case.h"
#include "export/CaseScan.h"

namespace ehdocs {

class WorkbookExport {
public:
    virtual ~WorkbookExport() = default;

    // Takes what the workbook needs from one case (cases outside the export's team are
    // skipped).
    virtual void add(const Case& kase) = 0;
    // A case file that could not be read: listed in the workbook with its errors.
    virtual void addInvalid(InvalidCaseFile file) = 0;
    // Writes what remains and closes the file.
    virtual void finish() = 0;

    // Valid cases of the export's team added so far.
    virtual std::size_t casesRead() const = 0;
};

}  // namespace ehdocs
