#include "render/SfEvidenceView.h"

#include <algorithm>
#include <cctype>

#include "rules/ClaimAssessor.h"

namespace ehdocs::render {
namespace {

// "family_relationships" -> "Family relationships".
std::string words(std::string id) {
    std::replace(id.begin(), id.end(), '_', ' ');
    if (!id.empty()) id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    return id;
}

std::string dateText(const std::optional<Date>& date) {
    return date ? date->uk() : "";
}

const char* statusText(ClaimStatus status) {
    switch (status) {
        case ClaimStatus::NotOnProgramme:
            return "Not on the programme";
        case ClaimStatus::Claimed:
            return "Claimed";
        case ClaimStatus::NotEligible:
            return "Not eligible";
        case ClaimStatus::ConditionsNotMet:
            return "Conditions not met";
        case ClaimStatus::OutcomesOutstanding:
            return "Outcomes outstanding";
        case ClaimStatus::Sustaining:
            return "Outcomes achieved, being sustained";
        case ClaimStatus::Claimable:
            return "Claimable";
    }
    return "";
}

View condition(const char* name, bool met, const std::string& detail) {
    View row;
    row.set("condition", name);
    row.set("met", met);
    row.set("detail", detail);
    return row;
}

}  // namespace

std::string sfEvidenceNotApplicable(const Case& kase) {
    return kase.supportingFamilies ? "" : "the case has no Supporting Families data";
}

void sfEvidenceView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    static const SupportingFamilies kNone;
    const SupportingFamilies& sf = kase.supportingFamilies ? *kase.supportingFamilies : kNone;

    out.set("sf_framework", sf.framework == "sf_2022"   ? "Supporting Families 2022-25"
                            : sf.framework == "tf_2015" ? "Troubled Families 2015-20"
                                                        : sf.framework);
    out.set("sf_attached", dateText(sf.attached));
    View criteria = View::list();
    for (const auto& c : sf.criteria) {
        View row;
        row.set("headline", words(c.headline));
        row.set("members", view.names(c.members));
        row.set("evidence", c.evidence);
        row.set("source", c.source);
        row.set("date", dateText(c.date));
        criteria.push(std::move(row));
    }
    out.set("has_criteria", !criteria.empty());
    out.set("criteria", std::move(criteria));

    // The alignment condition, worked out here in words; ClaimAssessor gives the verdict.
    const Plan* plan = kase.latestPlan();
    std::vector<std::string> unaligned;
    for (const auto& c : sf.criteria) {
        const bool aligned =
            plan && std::any_of(plan->goals.begin(), plan->goals.end(),
                                [&](const Goal& g) { return g.sfOutcome == c.headline; });
        if (!aligned &&
            std::find(unaligned.begin(), unaligned.end(), c.headline) == unaligned.end())
            unaligned.push_back(c.headline);
    }
    std::string alignment;
    if (!plan)
        alignment = "no plan recorded";
    else if (unaligned.empty())
        alignment = "every headline has a goal in plan version " + std::to_string(plan->version);
    else {
        alignment = "no goal in plan version " + std::to_string(plan->version) + " for ";
        for (std::size_t i = 0; i < unaligned.size(); ++i)
            alignment += (i ? ", " : "") + words(unaligned[i]);
    }
    View conditions = View::list();
    conditions.push(condition("An assessment that takes into account the needs of the whole family",
                              sf.wholeFamilyAssessment, ""));
    conditions.push(condition("An action plan that takes account of all relevant family members",
                              sf.wholeFamilyPlan, ""));
    conditions.push(condition("A lead worker recognised by the family and the professionals",
                              sf.leadWorkerRecognised, view.workerName(kase.leadWorker)));
    conditions.push(condition("The plan's objectives are aligned to the programme's outcomes",
                              plan && unaligned.empty(), alignment));
    out.set("conditions", std::move(conditions));

    View outcomes = View::list();
    for (const auto& o : sf.outcomes) {
        View row;
        row.set("headline", words(o.headline));
        row.set("status", words(o.status));
        row.set("achieved", dateText(o.achieved));
        row.set("sustained_until", dateText(o.sustainedUntil));
        row.set("evidence", o.evidence);
        row.set("source", o.source);
        outcomes.push(std::move(row));
    }
    out.set("has_outcomes", !outcomes.empty());
    out.set("outcomes", std::move(outcomes));

    out.set("has_employment", sf.employment.has_value());
    out.set("employment_member", sf.employment ? view.memberName(sf.employment->member) : "");
    out.set("employment_started", sf.employment ? dateText(sf.employment->started) : "");
    out.set("employment_until", sf.employment ? dateText(sf.employment->continuousUntil) : "");

    const ClaimReadiness claim = ClaimAssessor().assess(kase, view.producedOn());
    out.set("claim_as_of", view.producedOn().uk());
    out.set("claim_status", claimStatusId(claim.status));
    out.set("claim_status_text", statusText(claim.status));
    out.set("claim_kind", words(claim.claimKind));
    out.set("has_claim_kind", !claim.claimKind.empty());
    out.set("claimable_from", dateText(claim.claimableFrom));
    out.set("has_claimable_from", claim.claimableFrom.has_value());
    View reasons = View::list();
    for (const auto& r : claim.reasons) reasons.push(View().set("text", r));
    out.set("claim_reasons", std::move(reasons));
    out.set("eligible", claim.eligible);
    out.set("conditions_met", claim.conditionsMet);
    out.set("has_claim", sf.claim.has_value());
    out.set("claim_reference", sf.claim ? sf.claim->reference : "");
    out.set("claim_submitted", sf.claim ? dateText(sf.claim->submitted) : "");
}

}  // namespace ehdocs::render
