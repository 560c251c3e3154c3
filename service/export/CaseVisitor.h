#pragma once

// An export that hands each case to a function and writes nothing: a reader of the caller's
// cases the way an export reads them (CaseService::exportWorkbook: role, team, audit, one batch
// in memory at a time), for pages and tests that need the cases rather than a workbook.

#include <functional>
#include <utility>

#include "export/WorkbookExport.h"

namespace ehdocs {

class CaseVisitor : public WorkbookExport {
public:
    explicit CaseVisitor(std::function<void(const Case&)> visit) : _visit(std::move(visit)) {}

    void add(const Case& kase) override {
        _visit(kase);
        ++_read;
    }
    void addInvalid(InvalidCaseFile) override {}
    void finish() override {}
    std::size_t casesRead() const override { return _read; }

private:
    std::function<void(const Case&)> _visit;
    std::size_t _read = 0;
};

}  // namespace ehdocs
