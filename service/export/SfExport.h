#pragma once

// The rows of the Supporting Families export (`ehdocs export sf`), gathered family by family
// and then written by SfWorkbookWriter. Only small plain values are kept per family, so
// cases can be read one at a time and dropped (see CaseScan).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "export/CaseScan.h"
#include "rules/ClaimAssessor.h"

namespace ehdocs {

// One family on the programme: the Families sheet.
struct SfFamilyRow {
    std::string caseId, family, team, leadWorker, framework;
    std::optional<Date> attached;
    ClaimReadiness readiness;
};

// One criterion or outcome: the Evidence sheet.
struct SfEvidenceRow {
    std::string caseId, family;
    std::string record;  // "criterion" | "outcome"
    std::string headline;
    std::string members;  // names, "Ada Okafor, Chidi Okafor"
    std::string evidence, source;
    std::optional<Date> date;            // criterion: when it was evidenced
    std::optional<Date> achieved;        // outcome
    std::optional<Date> sustainedUntil;  // outcome
    std::string status;                  // outcome status; "" for a criterion
};

// One family's rows: its Families row and its Evidence rows (criteria, then outcomes).
struct SfFamily {
    SfFamilyRow row;
    std::vector<SfEvidenceRow> evidence;
};

// The rows of a case on the programme (`kase.supportingFamilies` must be set), its claim
// assessed as of `asOf`.
SfFamily sfFamily(const Case& kase, const ClaimAssessor& assessor, Date asOf);

// The whole export gathered in memory (the benchmark and tests; SfWorkbookWriter::write).
// SfWorkbookExport is the same export written as the cases come.
class SfExport {
public:
    SfExport(ClaimAssessor assessor, Date asOf, std::string team = "");

    // Assesses one case. Cases outside the team are skipped and families not on the
    // programme are only counted. Returns true when the family was added.
    bool add(const Case& kase);
    void addInvalid(InvalidCaseFile file) { _invalid.push_back(std::move(file)); }

    const std::vector<SfFamilyRow>& families() const { return _families; }
    const std::vector<SfEvidenceRow>& evidence() const { return _evidence; }
    const std::vector<InvalidCaseFile>& invalid() const { return _invalid; }
    Date asOf() const { return _asOf; }
    const std::string& team() const { return _team; }
    std::size_t notOnProgramme() const { return _notOnProgramme; }
    std::size_t casesRead() const { return _casesRead; }  // valid cases in the team

private:
    ClaimAssessor _assessor;
    Date _asOf;
    std::string _team;
    std::vector<SfFamilyRow> _families;
    std::vector<SfEvidenceRow> _evidence;
    std::vector<InvalidCaseFile> _invalid;
    std::size_t _notOnProgramme = 0, _casesRead = 0;
};

// "Ada Okafor, Chidi Okafor" for member ids (ids that do not resolve are shown as they are).
std::string memberNames(const Case& kase, const IdList& ids);

}  // namespace ehdocs
