#include "export/SfExport.h"

namespace ehdocs {

std::string memberNames(const Case& kase, const IdList& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ", ";
        const Member* member = kase.member(id);
        if (member == nullptr) {
            out += id;
            continue;
        }
        // The consent rule (docs/documents.md): a child whose consent is not `given` is named
        // only in the subject-access archive.
        if (member->isChild() && !member->hasConsent()) {
            out += "a child (not named: consent not given)";
            continue;
        }
        const std::string& first =
            member->preferredName.empty() ? member->firstName : member->preferredName;
        out += member->lastName.empty() ? first : first + " " + member->lastName;
    }
    return out;
}

SfExport::SfExport(ClaimAssessor assessor, Date asOf, std::string team)
    : _assessor(assessor), _asOf(asOf), _team(std::move(team)) {}

SfFamily sfFamily(const Case& kase, const ClaimAssessor& assessor, Date asOf) {
    const SupportingFamilies& sf = *kase.supportingFamilies;
    SfFamily family;
    SfFamilyRow& row = family.row;
    row.caseId = kase.caseId;
    row.family = kase.family.familyName;
    row.team = kase.service.team;
    if (const Worker* lead = kase.worker(kase.leadWorker)) row.leadWorker = lead->name;
    row.framework = sf.framework;
    row.attached = sf.attached;
    row.readiness = assessor.assess(kase, asOf);

    for (const auto& criterion : sf.criteria) {
        SfEvidenceRow e;
        e.caseId = kase.caseId;
        e.family = kase.family.familyName;
        e.record = "criterion";
        e.headline = criterion.headline;
        e.members = memberNames(kase, criterion.members);
        e.evidence = criterion.evidence;
        e.source = criterion.source;
        e.date = criterion.date;
        family.evidence.push_back(std::move(e));
    }
    for (const auto& outcome : sf.outcomes) {
        SfEvidenceRow e;
        e.caseId = kase.caseId;
        e.family = kase.family.familyName;
        e.record = "outcome";
        e.headline = outcome.headline;
        e.evidence = outcome.evidence;
        e.source = outcome.source;
        e.achieved = outcome.achieved;
        e.sustainedUntil = outcome.sustainedUntil;
        e.status = outcome.status;
        family.evidence.push_back(std::move(e));
    }
    return family;
}

bool SfExport::add(const Case& kase) {
    if (!inTeam(kase, _team)) return false;
    ++_casesRead;
    if (!kase.supportingFamilies) {
        ++_notOnProgramme;
        return false;
    }
    SfFamily family = sfFamily(kase, _assessor, _asOf);
    _families.push_back(std::move(family.row));
    for (auto& e : family.evidence) _evidence.push_back(std::move(e));
    return true;
}

}  // namespace ehdocs
