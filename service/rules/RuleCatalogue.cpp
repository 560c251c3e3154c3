#include "rules/RuleCatalogue.h"

#include "case/Vocabulary.h"

namespace ehdocs::rules {
namespace {

using K = RuleInfo::Kind;
using T = SettingInfo::Type;

const char* const kDurationWords =
    "a whole number and a unit: hours, days, working days, weeks or months (e.g. \"5 working "
    "days\")";
const char* const kDurationOrOff =
    "a whole number and a unit: hours, days, working days, weeks or months (e.g. \"10 days\"), "
    "or off";
const char* const kRuleListWords = "rule ids separated by commas, or none";

}  // namespace

const std::vector<RuleInfo>& RuleCatalogue::rules() {
    static const std::vector<RuleInfo> kRules = {
        {"consent.recorded", K::Record, "000: 17.1", "written, dated consent from a parent"},
        {"allocation.recorded", K::Record, "000: 17.1", "allocation time, worker and note"},
        {"lead_worker.recorded", K::Record, "004: Case Recording", "a lead worker named"},
        {"family.network", K::Record, "000: 17.1", "genogram and ecomap"},
        {"assessment.completed", K::Record, "000: 10.4", "assessment completed and authorised"},
        {"assessment.shared", K::Record, "000: 10.4", "assessment shared, family's views"},
        {"assessment.child_views", K::Record, "002: 10", "each child's own words"},
        {"plan.recorded", K::Record, "000: 11.1", "a plan with goals and actions"},
        {"plan.actions_resolved", K::Record, "002: 7.4; 000: 15.1",
         "every plan action done, dropped or handed over"},
        {"contacts.recorded", K::Record, "000: 17.1", "case notes of visits"},
        {"contacts.finalised", K::Record, "000: 16.2", "no draft case notes"},
        {"meetings.initial", K::Record, "000: 17.1", "initial TAF meeting minuted"},
        {"chronology.recorded", K::Record, "000: 17.1", "a chronology"},
        {"correspondence.recorded", K::Record, "000: 17.1", "correspondence with the family"},
        {"direct_work.recorded", K::Record, "000: 17.1", "direct work with a child"},
        {"agency_referrals.completed", K::Record, "002: 7.4, 15.1",
         "referrals for ongoing support"},
        {"summary.case", K::Record, "000: 17.1", "a case summary"},
        {"summary.transfer", K::Record, "000: 17.1", "a transfer summary for each transfer"},
        {"summary.closure", K::Record, "004: Closing a case", "the closing summary"},
        {"supervision.recorded", K::Record, "000: 17.1", "supervision notes"},
        {"supervision.closure_oversight", K::Record, "000: 19.1; 001: 20.1",
         "management oversight at closure"},
        {"closure.reason", K::Record, "000: 16.2", "closure date, reason and detail"},
        {"closure.ending_meeting", K::Record, "000: 15.1", "an ending meeting"},
        {"closure.family_letter", K::Record, "000: 14.2, 15.1; 001: 7.3; 004: Allocated work",
         "the letter owed to the family"},
        {"closure.feedback", K::Record, "000: 18.1", "the family's feedback"},
        {"closure.engagement_attempts", K::Record, "004: Allocated work, Closing a case",
         "attempts to engage, referrer informed"},
        {"closure.step_up_handover", K::Record, "000: 14.2, 14.3", "step-up handover and letter"},
        {"children.seen", K::Record, "004: Allocated work", "every consented child seen"},
        {"children.seen_alone", K::Record, "001: 5.5; 000: Practice Standards",
         "every child of 5 or over seen alone"},
        {"closure.safeguarding_decision", K::Record, "000: 16.1; 001: 17.1",
         "a manager's safeguarding decision when a family withdraws"},
        {"supervision.oversight_points", K::Record, "000: 19.1; 001: 20.1",
         "management oversight at each critical point"},
        {"scores.distance_travelled", K::Record, "000: Performance Framework; 001: 18.1",
         "baseline and final scores"},
        {"sf.outcomes", K::Record, "002: 20.3", "Supporting Families outcomes"},

        {"time.allocation", K::Time, "000: 8.1", "referral received to allocation"},
        {"time.first_contact", K::Time, "004: Allocated work", "allocation to first contact"},
        {"time.first_visit", K::Time, "000: 12.1", "allocation to first visit"},
        {"time.assessment", K::Time, "000: 10.4", "assessment completed and authorised"},
        {"time.initial_meeting", K::Time, "001: Performance Framework", "initial TAF meeting held"},
        {"time.visit_interval", K::Time, "000: 12.3", "gaps between visits"},
        {"time.review_interval", K::Time, "000: 13.1", "gaps between TAF meetings"},
        {"time.supervision_interval", K::Time, "000: 19.2", "gaps between supervision"},
        {"time.voice_of_child", K::Time, "002: 7.2", "gaps between each child's words"},
        {"time.recording", K::Time, "000: 17.1", "contact to case note written"},
        {"time.case_summary", K::Time, "004: Case Recording", "case summary kept up to date"},
        {"time.duration", K::Time, "000: 13.1", "allocation to closure"},
        {"time.no_contact", K::Time, "004: Allocated work", "allocated with no contact"},
        {"time.targets", K::Time, "000: 8.1", "the manager's target dates"},
        {"time.plan_review", K::Time, "000: 11.1; 001: 13.1", "each plan reviewed by its date"},
    };
    return kRules;
}

const RuleInfo* RuleCatalogue::find(const std::string& id) {
    for (const RuleInfo& r : rules())
        if (id == r.id) return &r;
    return nullptr;
}

const std::vector<SettingInfo>& RuleCatalogue::settings() {
    static const std::vector<SettingInfo> kSettings = {
        {"assessment.child_views.min_age", T::Count, "a whole number of years from 0 to 18", 0, 18},
        {"closure.engagement_attempts.attempts", T::Count, "a whole number from 1 to 100", 1, 100},
        {"closure.engagement_attempts.methods", T::Count, "a whole number from 1 to 7", 1, 7},
        {"closure.engagement_attempts.reasons", T::List,
         "closure reasons separated by commas, or none", 0, 0, &vocabulary::closureReason},
        {"managers", T::List, "worker roles separated by commas", 1, 0, &vocabulary::workerRole},
        {"exempt.universal_plus", T::RuleList, kRuleListWords, 0, 0},
        {"exempt.targeted", T::RuleList, kRuleListWords, 0, 0},
        {"exempt.child_in_need", T::RuleList, kRuleListWords, 0, 0},
        {"exempt.child_protection", T::RuleList, kRuleListWords, 0, 0},
        {"time.allocation.limit", T::Limit, kDurationWords},
        {"time.first_contact.limit", T::Limit, kDurationWords},
        {"time.first_visit.limit", T::Limit, kDurationWords},
        {"time.first_visit.child_seen", T::YesNo, "yes or no"},
        {"time.assessment.limit", T::Limit, kDurationWords},
        {"time.assessment.from", T::Choice, "referral or allocation"},
        {"time.assessment.overdue_reason_accepted", T::YesNo, "yes or no"},
        {"time.initial_meeting.after_assessment", T::LimitOrOff, kDurationOrOff},
        {"time.initial_meeting.from_referral", T::LimitOrOff, kDurationOrOff},
        {"time.initial_meeting.from_allocation", T::LimitOrOff, kDurationOrOff},
        {"time.visit_interval.limit", T::Limit, kDurationWords},
        {"time.review_interval.limit", T::Limit, kDurationWords},
        {"time.supervision_interval.limit", T::Limit, kDurationWords},
        {"time.voice_of_child.limit", T::Limit, kDurationWords},
        {"time.recording.limit", T::Limit, kDurationWords},
        {"time.case_summary.first", T::Limit, kDurationWords},
        {"time.case_summary.every", T::Limit, kDurationWords},
        {"time.duration.limit", T::Limit, kDurationWords},
        {"time.no_contact.limit", T::Limit, kDurationWords},
    };
    return kSettings;
}

const SettingInfo* RuleCatalogue::findSetting(const std::string& key) {
    for (const SettingInfo& s : settings())
        if (key == s.key) return &s;
    return nullptr;
}

}  // namespace ehdocs::rules
