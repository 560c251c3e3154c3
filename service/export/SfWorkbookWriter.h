#pragma once

// Writes the Supporting Families workbook (`ehdocs export sf`; docs/exports.md):
//   Families  one row per family on the programme, claim status and reasons
//   Evidence  one row per criterion and per outcome
//   Summary   families by claim status and by headline (with a chart), the invalid files
// Headers are frozen and filtered, dates are real Excel dates, and every piece of case text
// is a string cell (never a formula). Throws ExportException when the file cannot be written.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "export/SfExport.h"
#include "export/XlsxWorkbook.h"

namespace ehdocs {

struct SfWorkbookOptions {
    // Use libxlsxwriter's constant-memory mode when the export has at least this many
    // families (0 = always). Default 2,000. (write() only: a streamed export is always in
    // constant-memory mode, not knowing its size in advance.)
    std::size_t constantMemoryFrom = 2000;
    std::string tmpdir;  // for constant-memory temporary files; "" = system default
    std::string author;  // document property; "" = "ehdocs"
};

// A workbook being written: rows are appended as they are given (in constant-memory mode each
// row goes to a temporary file as soon as the next one starts), and the Summary counts are
// kept as they pass, so nothing grows with the number of families but the counts per claim
// status and per headline. Not thread-safe.
class SfWorkbookWriter {
public:
    static const std::vector<std::string>& familiesHeader();
    static const std::vector<std::string>& evidenceHeader();

    // Starts the workbook that finish() writes to `path`: its sheets and their headers.
    SfWorkbookWriter(const std::string& path, Date asOf, std::string team, const XlsxOptions& xlsx,
                     const std::string& author = "");

    // The next row of the Families sheet, and of the Evidence sheet. A family's evidence rows
    // come together (they are counted once per family in the Summary).
    void addFamily(const SfFamilyRow& row);
    void addEvidence(const SfEvidenceRow& row);

    // The Summary sheet, from the rows given and these counts, then the file is written.
    void finish(std::size_t casesRead, std::size_t notOnProgramme,
                const std::vector<InvalidCaseFile>& invalid);

    // The whole export gathered in `data`, through the same writer.
    static void write(const SfExport& data, const std::string& path,
                      const SfWorkbookOptions& options = {});

    // The Families sheet alone, into an open workbook (also used by the benchmark).
    static void writeFamilies(XlsxWorkbook& book, const std::vector<SfFamilyRow>& rows);

private:
    void countFamilyHeadlines();

    XlsxWorkbook _book;
    XlsxSheet _families, _evidence, _summary;
    int _familyRow = 1, _evidenceRow = 1;
    Date _asOf;
    std::string _team;
    std::map<ClaimStatus, int> _byStatus;
    // Families with a criterion, and with an outcome achieved, per headline; counted when the
    // next family's evidence starts, from the headlines of the family in hand.
    std::map<std::string, std::size_t> _withCriterion, _achieved;
    std::set<std::string> _headlines;  // every headline seen
    std::string _evidenceCase;
    std::set<std::string> _caseCriteria, _caseAchieved;
};

}  // namespace ehdocs
