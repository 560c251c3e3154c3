#pragma once

// The Performance Framework export (docs/exports.md) fed case by case: each case is counted
// into the KpiReport's tallies and dropped (re-referrals keep the child keys of the period's
// requests and of the episodes closed before them), and the small workbook is written by
// finish(). See WorkbookExport for the life cycle; not thread-safe.

#include <string>

#include "export/KpiReport.h"
#include "export/WorkbookExport.h"

namespace ehdocs {

class KpiWorkbookExport : public WorkbookExport {
public:
    // The report's arguments as KpiReport's (the report is built in place: its cases' facts
    // point into it). `tmpdir` as KpiWorkbookWriter::write's.
    KpiWorkbookExport(const std::string& path, KpiPeriod period, std::string team,
                      KpiReport::StandardsFor standardsFor, std::string author = "ehdocs",
                      std::string tmpdir = "");

    void add(const Case& kase) override { _report.add(kase); }
    void addInvalid(InvalidCaseFile file) override { _report.addInvalid(std::move(file)); }
    void finish() override;
    std::size_t casesRead() const override { return _report.casesRead(); }

    const KpiReport& report() const { return _report; }

private:
    std::string _path, _author, _tmpdir;
    KpiReport _report;
};

}  // namespace ehdocs
