#pragma once

// Supporting Families payment-by-results claim readiness: plain value types.
// Computed by ClaimAssessor; every status and reason is explained in docs/exports.md.

#include <optional>
#include <string>
#include <vector>

#include "case/Date.h"

namespace ehdocs {

// The statuses, in the order ClaimAssessor checks them (the first that applies wins).
enum class ClaimStatus {
    NotOnProgramme,    // no `supporting_families` section
    Claimed,           // a claim is recorded
    NotEligible,       // too few headlines (or no child / unborn member, sf_2022)
    ConditionsNotMet,  // one of the four conditions (003, Supporting Stronger Families) is missing
    OutcomesOutstanding,  // some criteria headline has no achieved outcome
    Sustaining,           // all achieved, not yet held for the sustain period
    Claimable,            // a claim can be made (see ClaimReadiness::claimKind)
};

// The stable id of a status, as written in exports and documented: "outcomes_outstanding".
const char* claimStatusId(ClaimStatus status);

// The numbers of the rules. Defaults are the programme's 26 weeks.
struct ClaimSettings {
    // Days every outcome must have been held (from the latest `achieved` date) before a
    // significant-and-sustained-progress claim; met when the gap is at least this.
    long sustainDays = 182;
    // Days of continuous employment (`started` to `continuous_until`) for that claim.
    long employmentDays = 182;
};

// The answer for one family as of one date.
struct ClaimReadiness {
    ClaimStatus status = ClaimStatus::NotOnProgramme;
    // `significant_and_sustained_progress` or `continuous_employment` when Claimable (the kind
    // that can be claimed) or Claimed (the kind recorded); "" otherwise.
    std::string claimKind;
    std::string claimReference;          // Claimed: the claim's reference
    std::optional<Date> claimSubmitted;  // Claimed: the claim's submitted date, when recorded
    // Sustaining and Claimable: the first day a claim can be (or could have been) made.
    std::optional<Date> claimableFrom;
    // What is missing, one short sentence each ("health: outcome in progress"); for
    // Claimed, Sustaining and Claimable a single line explaining the status.
    std::vector<std::string> reasons;

    // Independent of the status, for the coordinator's columns (false when not on the programme).
    bool eligible = false;               // enough headlines (and a child or unborn member, sf_2022)
    bool conditionsMet = false;          // all four conditions hold
    std::vector<std::string> headlines;  // the distinct criteria headlines, first-seen order
};

}  // namespace ehdocs
