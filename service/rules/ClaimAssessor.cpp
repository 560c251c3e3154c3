#include "rules/ClaimAssessor.h"

#include <algorithm>

#include "case/Vocabulary.h"

namespace ehdocs {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

// "in_progress" -> "in progress", for reasons a coordinator reads.
std::string spaced(std::string value) {
    std::replace(value.begin(), value.end(), '_', ' ');
    return value;
}

std::vector<std::string> distinctHeadlines(const SupportingFamilies& sf) {
    std::vector<std::string> out;
    for (const auto& criterion : sf.criteria)
        if (!criterion.headline.empty() && !contains(out, criterion.headline))
            out.push_back(criterion.headline);
    return out;
}

bool hasChildOrUnborn(const Case& kase) {
    return std::any_of(kase.family.members.begin(), kase.family.members.end(),
                       [](const Member& m) { return m.kind == "child" || m.kind == "unborn"; });
}

// Eligibility reasons; empty when eligible.
std::vector<std::string> eligibilityGaps(const Case& kase, const SupportingFamilies& sf,
                                         const std::vector<std::string>& headlines) {
    // Without a framework the current programme's rule (sf_2022) applies, counting any
    // headline the case format knows (the reader accepts either list then).
    const std::string framework = sf.framework.empty() ? "sf_2022" : sf.framework;
    std::vector<std::string> known = vocabulary::frameworkHeadlines(framework);
    if (sf.framework.empty())
        for (const auto& h : vocabulary::headlinesTf2015)
            if (!contains(known, h)) known.push_back(h);
    if (known.empty())
        return {"unknown programme framework \"" + sf.framework + "\" (sf_2022 or tf_2015)"};
    std::vector<std::string> counted;
    for (const auto& headline : headlines)
        if (contains(known, headline)) counted.push_back(headline);

    std::vector<std::string> gaps;
    const bool sf2022 = framework == "sf_2022";
    const std::string name = sf.framework.empty() ? "sf_2022 (no framework recorded)" : framework;
    const std::size_t needed = sf2022 ? 3 : 2;
    if (counted.size() < needed) {
        std::string gap = name + " needs at least " + std::to_string(needed) +
                          (sf2022 ? " different headlines" : " of its 6 headlines") + ": " +
                          std::to_string(counted.size()) + " recorded";
        if (!counted.empty()) gap += " (" + joined(counted) + ")";
        gaps.push_back(gap);
    }
    if (sf2022 && !hasChildOrUnborn(kase))
        gaps.push_back(name + " needs a child or unborn member in the family: none recorded");
    return gaps;
}

bool hasCompletedAssessment(const Case& kase, Date asOf) {
    return kase.assessment && kase.assessment->completed && *kase.assessment->completed <= asOf;
}

// The four conditions, each declared by the file and not contradicted by it: a declaration
// the file itself disproves does not count (issue 9, item 5).
std::vector<std::string> conditionGaps(const Case& kase, const SupportingFamilies& sf,
                                       const std::vector<std::string>& headlines, Date asOf) {
    std::vector<std::string> gaps;
    if (!sf.wholeFamilyAssessment)
        gaps.push_back("whole-family assessment not recorded");
    else if (!hasCompletedAssessment(kase, asOf))
        gaps.push_back(
            "whole-family assessment declared, but the file holds no completed assessment");
    if (!sf.wholeFamilyPlan)
        gaps.push_back("whole-family plan not recorded");
    else if (kase.plans.empty())
        gaps.push_back("whole-family plan declared, but the file holds no plan");
    if (!sf.leadWorkerRecognised)
        gaps.push_back("lead worker not recorded as recognised by the family and professionals");
    else if (kase.leadWorker.empty())
        gaps.push_back(
            "lead worker recognition declared, but the file names no lead worker (`lead_worker`)");
    const Plan* plan = kase.latestPlan();
    for (const auto& headline : headlines) {
        if (plan == nullptr) {
            gaps.push_back(headline + ": no plan recorded, so no goal is aligned to it");
            continue;
        }
        const bool aligned = std::any_of(plan->goals.begin(), plan->goals.end(),
                                         [&](const Goal& g) { return g.sfOutcome == headline; });
        if (!aligned)
            gaps.push_back(headline + ": no goal of the latest plan (version " +
                           std::to_string(plan->version) + ") has this sf_outcome");
    }
    return gaps;
}

bool isAchieved(const SfOutcome& outcome) {
    return (outcome.status == "achieved" || outcome.status == "sustained") &&
           outcome.achieved.has_value();
}

}  // namespace

const char* claimStatusId(ClaimStatus status) {
    switch (status) {
        case ClaimStatus::NotOnProgramme:
            return "not_on_programme";
        case ClaimStatus::Claimed:
            return "claimed";
        case ClaimStatus::NotEligible:
            return "not_eligible";
        case ClaimStatus::ConditionsNotMet:
            return "conditions_not_met";
        case ClaimStatus::OutcomesOutstanding:
            return "outcomes_outstanding";
        case ClaimStatus::Sustaining:
            return "sustaining";
        case ClaimStatus::Claimable:
            return "claimable";
    }
    return "unknown";
}

ClaimAssessor::ClaimAssessor(ClaimSettings settings) : _settings(settings) {}

ClaimReadiness ClaimAssessor::assess(const Case& kase, Date asOf) const {
    ClaimReadiness result;
    if (!kase.supportingFamilies) {
        result.status = ClaimStatus::NotOnProgramme;
        result.reasons.push_back(
            "not on the Supporting Families programme (no supporting_families)");
        return result;
    }
    const SupportingFamilies& sf = *kase.supportingFamilies;
    result.headlines = distinctHeadlines(sf);
    const auto eligibility = eligibilityGaps(kase, sf, result.headlines);
    const auto conditions = conditionGaps(kase, sf, result.headlines, asOf);
    result.eligible = eligibility.empty();
    result.conditionsMet = conditions.empty();

    if (sf.claim) {
        result.status = ClaimStatus::Claimed;
        result.claimKind = sf.claim->kind;
        result.claimReference = sf.claim->reference;
        result.claimSubmitted = sf.claim->submitted;
        std::string line = "claim recorded: " + spaced(sf.claim->kind);
        if (sf.claim->submitted) line += ", submitted " + sf.claim->submitted->iso();
        line += sf.claim->reference.empty() ? ", no reference recorded"
                                            : ", reference " + sf.claim->reference;
        result.reasons.push_back(line);
        return result;
    }
    if (!result.eligible) {
        result.status = ClaimStatus::NotEligible;
        result.reasons = eligibility;
        return result;
    }
    if (!result.conditionsMet) {
        result.status = ClaimStatus::ConditionsNotMet;
        result.reasons = conditions;
        return result;
    }

    if (sf.employment && sf.employment->started && sf.employment->continuousUntil) {
        const Date started = *sf.employment->started;
        const long days = daysBetween(started, *sf.employment->continuousUntil);
        if (days >= _settings.employmentDays) {
            result.status = ClaimStatus::Claimable;
            result.claimKind = "continuous_employment";
            result.claimableFrom = started.plusDays(_settings.employmentDays);
            result.reasons.push_back("continuous employment for " + std::to_string(days) +
                                     " days (" + started.iso() + " to " +
                                     sf.employment->continuousUntil->iso() + "), at least " +
                                     std::to_string(_settings.employmentDays) + " needed");
            return result;
        }
    }

    std::vector<std::string> outstanding;
    std::optional<Date> latest;
    std::string latestHeadline;
    for (const auto& headline : result.headlines) {
        const SfOutcome* last = nullptr;
        bool achieved = false;
        for (const auto& outcome : sf.outcomes) {
            if (outcome.headline != headline) continue;
            last = &outcome;
            if (!isAchieved(outcome)) continue;
            achieved = true;
            if (!latest || *latest < *outcome.achieved) {
                latest = outcome.achieved;
                latestHeadline = headline;
            }
        }
        if (achieved) continue;
        if (last == nullptr)
            outstanding.push_back(headline + ": no outcome recorded");
        else if (last->status == "achieved" || last->status == "sustained")
            outstanding.push_back(headline + ": outcome " + last->status +
                                  " but no achieved date recorded");
        else
            outstanding.push_back(headline + ": outcome " + spaced(last->status));
    }
    if (!outstanding.empty() || !latest) {
        result.status = ClaimStatus::OutcomesOutstanding;
        result.reasons = outstanding;
        return result;
    }

    const long held = daysBetween(*latest, asOf);
    result.claimableFrom = latest->plusDays(_settings.sustainDays);
    if (held < _settings.sustainDays) {
        result.status = ClaimStatus::Sustaining;
        result.reasons.push_back("all outcomes achieved; the latest (" + latestHeadline + ", " +
                                 latest->iso() + ") held " + std::to_string(std::max(held, 0L)) +
                                 " of " + std::to_string(_settings.sustainDays) + " days as of " +
                                 asOf.iso() + "; claimable from " + result.claimableFrom->iso());
        return result;
    }
    result.status = ClaimStatus::Claimable;
    result.claimKind = "significant_and_sustained_progress";
    result.reasons.push_back("all outcomes achieved; the latest (" + latestHeadline + ", " +
                             latest->iso() + ") held " + std::to_string(held) + " days as of " +
                             asOf.iso() + ", at least " + std::to_string(_settings.sustainDays) +
                             " needed");
    return result;
}

}  // namespace ehdocs
