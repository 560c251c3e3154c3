// The rules version 2 of the catalogue adds or changes (closure-rules.md, "Version 2: what
// changed"), table-driven like RuleTableTest: each holds and fails in each profile where its
// severity or number differs, with the boundaries, each exemption and each `not_applied` reason.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "CaseFixture.h"

using namespace ehdocs;
using test::RuleRow;
namespace bdata = boost::unit_test::data;

namespace {

RuleRow R(std::string name, std::string example, std::string profile, test::Mutations mutations,
          std::string asOf, std::string rule, std::string expect, std::string messageHas) {
    return {std::move(name), std::move(example), std::move(profile), std::move(mutations),
            std::move(asOf), std::move(rule),    std::move(expect),  std::move(messageHas)};
}

test::Mutations with(test::Mutations base, const test::Mutations& more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
}

// A third consented child in the Okafor family, Sam, never seen.
test::Mutations sam(const std::string& dob) {
    return {{"family.members[+]", R"({"id": "c3", "kind": "child", "first_name": "Sam",
              "dob": ")" + dob + R"(", "relationship": "son", "consent": "given"})"}};
}
// Sam seen with his siblings at the last home visit, but not alone.
test::Mutations samSeen(const std::string& dob) {
    return with(sam(dob), {{"contacts[11].children_seen", R"(["c1", "c2", "c3"])"}});
}

// Okafor stepped up to Children's Social Care without telling Grace (000: 14.2).
test::Mutations steppedUp(const std::string& decidedBy, const std::string& reason) {
    return {{"closure.reason", "\"stepped_up\""},
            {"transfers", R"([{"kind": "step_up", "decided": "2026-06-20",
               "from": {"service": "FFS", "worker": "w1"},
               "to": {"service": "CSC", "worker": "Duty social worker"},
               "handover_meeting": "2026-06-22", "family_informed": false,
               "not_informed_reason": ")" +
                              reason + R"(", "decided_by": ")" + decidedBy + R"("}])"}};
}

const char* const kRisk = "Telling Grace would put Daniel at further risk";
const char* const kNoClosure = "-";
const char* const kLevelUp = "level of need universal_plus (profile barnet-0-19)";

const std::vector<RuleRow> kRows = {
    // children.seen: block everywhere (004: Allocated work)
    R("every child seen", "okafor", "", {}, "", "children.seen", "passed", ""),
    R("a child never seen", "okafor", "", sam("2024-01-01"), "", "children.seen", "blocking",
      "Sam has not been seen and the closure does not say why (`children_not_seen`)."),
    R("a child never seen, open case", "okafor", "",
      with(sam("2024-01-01"), {{"closure", kNoClosure}}), "2026-06-30", "children.seen", "blocking",
      "Sam has not been seen"),
    R("a child never seen, with the reason", "okafor", "",
      with(sam("2024-01-01"),
           {{"closure.children_not_seen", R"([{"member": "c3", "reason": "Lives in Leeds"}])"}}),
      "", "children.seen", "passed", ""),
    R("listed without a reason", "okafor", "",
      with(sam("2024-01-01"), {{"closure.children_not_seen", R"([{"member": "c3"}])"}}), "",
      "children.seen", "blocking", "Sam is listed in `children_not_seen` without a reason."),
    R("an attempted contact does not see a child", "okafor", "",
      with(sam("2024-01-01"),
           {{"contacts[+]", R"({"id": "k99", "at": "2026-06-19T10:00", "kind": "attempted_contact",
                               "children_seen": ["c3"], "status": "final"})"}}),
      "", "children.seen", "blocking", "Sam has not been seen"),
    R("a child without consent is not counted", "okafor", "",
      with(sam("2024-01-01"), {{"family.members[4].consent", "\"refused\""}}), "", "children.seen",
      "passed", ""),
    R("disengaged, the reason given", "bennett", "", {}, "", "children.seen", "passed", ""),
    R("disengaged, no reason", "bennett", "", {{"closure.children_not_seen", "-"}}, "",
      "children.seen", "blocking", "Jayden has not been seen"),
    R("block in barnet too", "okafor", "barnet-0-19", sam("2024-01-01"), "", "children.seen",
      "blocking", ""),

    // children.seen_alone: block only in dorset-locality (001: 5.5)
    R("every child of 5 seen alone", "okafor", "", {}, "", "children.seen_alone", "passed", ""),
    R("a child of exactly 5 not seen alone", "okafor", "", samSeen("2021-06-26"), "",
      "children.seen_alone", "warnings",
      "Sam has not been seen alone and the closure does not say why (`children_not_seen_alone`)."),
    R("a child a day short of 5", "okafor", "", samSeen("2021-06-27"), "", "children.seen_alone",
      "passed", ""),
    R("block in dorset", "okafor", "dorset-locality", samSeen("2021-06-26"), "",
      "children.seen_alone", "blocking", "Sam has not been seen alone"),
    R("warn in family-work-sop", "okafor", "family-work-sop", samSeen("2021-06-26"), "",
      "children.seen_alone", "warnings", ""),
    R("the reason given", "okafor", "dorset-locality",
      with(samSeen("2021-06-26"), {{"closure.children_not_seen_alone",
                                    R"([{"member": "c3", "reason": "Would not leave Mum"}])"}}),
      "", "children.seen_alone", "passed", ""),
    R("children_not_seen also explains it", "okafor", "dorset-locality",
      with(sam("2021-06-26"),
           {{"closure.children_not_seen", R"([{"member": "c3", "reason": "Lives in Leeds"}])"}}),
      "", "children.seen_alone", "passed", ""),
    R("listed without a reason", "okafor", "dorset-locality",
      with(samSeen("2021-06-26"), {{"closure.children_not_seen_alone", R"([{"member": "c3"}])"}}),
      "", "children.seen_alone", "blocking",
      "Sam is listed in `children_not_seen_alone` without a reason."),
    R("disengaged early", "bennett", "", {}, "", "children.seen_alone", "not_applied",
      "disengaged early (closure reason disengaged and no visit in the file)"),

    // closure.safeguarding_decision: block everywhere (000: 16.1; 001: 17.1)
    R("a senior practitioner's decision in family-work-sop", "bennett", "", {}, "",
      "closure.safeguarding_decision", "passed", ""),
    R("no decision", "bennett", "", {{"closure.safeguarding_decision", "-"}}, "",
      "closure.safeguarding_decision", "blocking",
      "The family disengaged but no manager's decision on a referral to Children's Social Care "
      "is recorded (`closure.safeguarding_decision`)."),
    R("consent withdrawn, no decision", "bennett", "",
      {{"closure.reason", "\"consent_withdrawn\""}, {"closure.safeguarding_decision", "-"}}, "",
      "closure.safeguarding_decision", "blocking", "The family withdrew consent"),
    R("by a family worker", "bennett", "", {{"closure.safeguarding_decision.by", "\"w1\""}}, "",
      "closure.safeguarding_decision", "blocking",
      "a manager's name (`by` w1 is not in the profile's `managers`)"),
    R("a senior practitioner is not a manager in newham", "bennett", "newham-ffs", {}, "",
      "closure.safeguarding_decision", "blocking", "`by` w2 is not in the profile's `managers`"),
    R("dated after the check date", "bennett", "",
      {{"closure.safeguarding_decision.date", "\"2026-12-02\""}}, "2026-12-01",
      "closure.safeguarding_decision", "blocking",
      "a date on or before 1 December 2026 (it is dated 2 December 2026)"),
    R("dated on the check date", "bennett", "",
      {{"closure.safeguarding_decision.date", "\"2026-12-01\""}}, "2026-12-01",
      "closure.safeguarding_decision", "passed", ""),
    R("referred not said", "bennett", "", {{"closure.safeguarding_decision.referred", "-"}}, "",
      "closure.safeguarding_decision", "blocking", "whether a referral was made (`referred`)"),
    R("no reasoning", "bennett", "", {{"closure.safeguarding_decision.reasoning", "\" \""}}, "",
      "closure.safeguarding_decision", "blocking", "the reasoning"),
    R("goals achieved", "okafor", "", {}, "", "closure.safeguarding_decision", "not_applied",
      "closure reason goals_achieved"),
    R("open case", "okafor", "", {{"closure", kNoClosure}}, "2026-06-30",
      "closure.safeguarding_decision", "not_applied", "no closure section"),

    // closure.engagement_attempts: the reasons by profile
    R("consent withdrawn in family-work-sop", "bennett", "",
      {{"closure.reason", "\"consent_withdrawn\""}, {"closure.engagement_attempts", "[]"}}, "",
      "closure.engagement_attempts", "blocking", "0 attempts to engage the family"),
    R("consent withdrawn elsewhere is the family's choice", "bennett", "newham-ffs",
      {{"closure.reason", "\"consent_withdrawn\""}, {"closure.engagement_attempts", "[]"}}, "",
      "closure.engagement_attempts", "not_applied",
      "closure reason consent_withdrawn (profile newham-ffs)"),
    R("disengaged in dorset", "bennett", "dorset-locality", {{"closure.engagement_attempts", "[]"}},
      "", "closure.engagement_attempts", "blocking", "0 attempts"),
    R("summary.closure asks for attempts where they apply", "bennett", "",
      {{"closure.reason", "\"consent_withdrawn\""}, {"closure.engagement_attempts", "[]"}}, "",
      "summary.closure", "blocking", "the attempts made to engage the family"),
    R("summary.closure does not where they do not", "bennett", "newham-ffs",
      {{"closure.reason", "\"consent_withdrawn\""}, {"closure.engagement_attempts", "[]"}}, "",
      "summary.closure", "passed", ""),

    // closure.family_letter and closure.step_up_handover: not telling the family (000: 14.2)
    R("stepped up, a manager decided not to tell", "okafor", "", steppedUp("w2", kRisk), "",
      "closure.family_letter", "passed", ""),
    R("handover without an ending letter", "okafor", "", steppedUp("w2", kRisk), "",
      "closure.step_up_handover", "passed", ""),
    R("decided by the coach", "okafor", "", steppedUp("w1", kRisk), "", "closure.family_letter",
      "blocking",
      "The step-up transfer says the family is not to be told, but does not record a manager's "
      "decision (`decided_by` w1 is not in the profile's `managers`)."),
    R("decided by the coach: handover", "okafor", "", steppedUp("w1", kRisk), "",
      "closure.step_up_handover", "blocking", "does not record a manager's decision"),
    R("no reason", "okafor", "", steppedUp("w2", ""), "", "closure.family_letter", "blocking",
      "does not record why (`not_informed_reason`)."),
    R("family told, no ending letter", "okafor", "",
      with(steppedUp("w2", kRisk), {{"transfers[0].family_informed", "true"}}), "",
      "closure.family_letter", "blocking", "(`ending_letter`) has not been issued."),
    R("family told, handover without a letter date", "okafor", "",
      with(steppedUp("w2", kRisk), {{"transfers[0].family_informed", "-"}}), "",
      "closure.step_up_handover", "blocking", "does not record both"),
    R("family told, letter dated", "okafor", "",
      with(steppedUp("w2", kRisk), {{"transfers[0].family_informed", "-"},
                                    {"transfers[0].ending_letter", "\"2026-06-23\""}}),
      "", "closure.step_up_handover", "passed", ""),

    // plan.actions_resolved: handed_over counts as resolved (000: 15.1)
    R("an action handed over", "okafor", "", {{"plans[1].actions[0].status", "\"handed_over\""}},
      "", "plan.actions_resolved", "passed", ""),
    R("an action still in progress", "okafor", "",
      {{"plans[1].actions[0].status", "\"in_progress\""}}, "", "plan.actions_resolved", "blocking",
      "not done, dropped or handed over"),

    // supervision.oversight_points: warn in newham-ffs and dorset-locality, off elsewhere
    R("every point overseen", "okafor", "", {}, "", "supervision.oversight_points", "passed", ""),
    R("no oversight after the introductory visit", "okafor", "",
      {{"supervision[1].point", "\"routine\""}}, "", "supervision.oversight_points", "warnings",
      "No management oversight is recorded after the introductory visit on 6 March 2026 "
      "(`after_introductory_visit`)."),
    R("dorset too", "okafor", "dorset-locality", {{"supervision[1].point", "\"routine\""}}, "",
      "supervision.oversight_points", "warnings", "the introductory visit"),
    R("off in barnet", "okafor", "barnet-0-19", {{"supervision[1].point", "\"routine\""}}, "",
      "supervision.oversight_points", "absent", ""),
    R("off in family-work-sop", "bennett", "", {}, "", "supervision.oversight_points", "absent",
      ""),
    R("every point missing is named", "okafor", "",
      {{"supervision[0].point", "\"routine\""}, {"supervision[2].point", "\"routine\""}}, "",
      "supervision.oversight_points", "warnings",
      "after allocation on 2 March 2026 (`allocation`) and the assessment on 18 March 2026 "
      "(`assessment`)."),
    R("review oversight on the day of the review", "okafor", "",
      {{"supervision[5].at", "\"2026-05-07T17:00\""}}, "", "supervision.oversight_points", "passed",
      ""),
    R("review oversight the day before the review", "okafor", "",
      {{"supervision[5].at", "\"2026-05-06T17:00\""}}, "", "supervision.oversight_points",
      "warnings",
      "the review on 7 May 2026 (`review`, before the next TAF meeting on 18 June 2026)"),
    R("review oversight on the day of the next TAF is too late", "okafor", "",
      {{"supervision[5].at", "\"2026-06-18T17:00\""}}, "", "supervision.oversight_points",
      "warnings", "(`review`, before the next TAF meeting on 18 June 2026)"),
    R("a transfer without oversight", "okafor", "",
      {{"transfers", R"([{"kind": "lead_change", "decided": "2026-06-01"}])"}}, "",
      "supervision.oversight_points", "warnings", "the lead change transfer on 1 June 2026"),
    R("a transfer with oversight", "okafor", "",
      {{"transfers", R"([{"kind": "lead_change", "decided": "2026-06-01"}])"},
       {"supervision[+]", R"({"at": "2026-06-02T10:00", "supervisor": "w2", "worker": "w1",
                             "kind": "management_oversight", "point": "transfer"})"}},
      "", "supervision.oversight_points", "passed", ""),

    // time.targets: on only in newham-ffs (000: 8.1)
    R("every target met", "okafor", "", {}, "", "time.targets", "passed", ""),
    R("a target met on its day", "okafor", "",
      {{"allocation.targets.first_visit", "\"2026-03-06\""}}, "", "time.targets", "passed", ""),
    R("a target missed by a day", "okafor", "",
      {{"allocation.targets.first_visit", "\"2026-03-05\""}}, "", "time.targets", "warnings",
      "The manager's target was missed: first visit on 6 March 2026, after the target of 5 March "
      "2026."),
    R("an unmet target passed on the as-of date", "okafor", "",
      {{"closure", kNoClosure}, {"allocation.targets.first_meeting", "\"2026-03-20\""}},
      "2026-03-21", "time.targets", "warnings",
      "initial TAF meeting not done by 21 March 2026 (target 20 March 2026)"),
    R("an unmet target not yet passed", "okafor", "",
      {{"closure", kNoClosure}, {"allocation.targets.first_meeting", "\"2026-03-20\""}},
      "2026-03-20", "time.targets", "passed", ""),
    R("manager review after its target", "okafor", "",
      {{"allocation.targets.manager_review", "\"2026-03-01\""}}, "", "time.targets", "warnings",
      "manager's review on 2 March 2026, after the target of 1 March 2026"),
    R("no targets", "okafor", "", {{"allocation.targets", "-"}}, "", "time.targets", "not_applied",
      "no targets in allocation.targets"),
    R("off in dorset", "okafor", "dorset-locality",
      {{"allocation.targets.first_visit", "\"2026-03-05\""}}, "", "time.targets", "absent", ""),

    // time.plan_review: on in all six (000: 11.1; 001: 13.1)
    R("each plan reviewed on its review_by day", "okafor", "", {}, "", "time.plan_review", "passed",
      ""),
    R("a review a day late", "okafor", "", {{"plans[0].review_by", "\"2026-05-06\""}}, "",
      "time.plan_review", "warnings",
      "No TAF meeting reviewed the plan in time: plan version 1 of 26 March 2026 was to be "
      "reviewed by 6 May 2026."),
    R("late in barnet too", "okafor", "barnet-0-19", {{"plans[0].review_by", "\"2026-05-06\""}}, "",
      "time.plan_review", "warnings", "plan version 1"),
    R("late in tower-hamlets too", "okafor", "tower-hamlets",
      {{"plans[0].review_by", "\"2026-05-06\""}}, "", "time.plan_review", "warnings", ""),
    R("the meeting that agreed a plan does not review it", "okafor", "",
      {{"plans[1].review_by", "\"2026-05-07\""}}, "", "time.plan_review", "warnings",
      "plan version 2 of 7 May 2026 was to be reviewed by 7 May 2026"),
    R("a review date not yet reached", "okafor", "", {{"closure", kNoClosure}}, "2026-06-10",
      "time.plan_review", "passed", ""),
    R("no review dates", "bennett", "", {}, "", "time.plan_review", "not_applied",
      "no plan has a review date"),

    // exempt.universal_plus in barnet-0-19 (002: 21.1)
    R("universal plus needs no assessment in barnet", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}, {"assessment", "-"}}, "", "assessment.completed",
      "not_applied", kLevelUp),
    R("nor its timescale", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}, {"assessment", "-"}}, "", "time.assessment",
      "not_applied", kLevelUp),
    R("nor an initial TAF", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}, {"meetings[0].kind", "\"professionals\""}}, "",
      "meetings.initial", "not_applied", kLevelUp),
    R("nor the network", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}, {"family.network", "[]"}}, "", "family.network",
      "not_applied", kLevelUp),
    R("nor the child's views in it", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}}, "", "assessment.child_views", "not_applied",
      kLevelUp),
    R("nor its sharing", "okafor", "barnet-0-19", {{"level_of_need", "\"universal_plus\""}}, "",
      "assessment.shared", "not_applied", kLevelUp),
    R("nor the initial meeting's timescale", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}}, "", "time.initial_meeting", "not_applied",
      kLevelUp),
    R("other rules still apply to universal plus", "okafor", "barnet-0-19",
      {{"level_of_need", "\"universal_plus\""}, {"plans", "[]"}}, "", "plan.recorded", "blocking",
      ""),
    R("a targeted case still needs its assessment", "okafor", "barnet-0-19", {{"assessment", "-"}},
      "", "assessment.completed", "blocking", ""),
    R("no exemption for universal plus in newham", "okafor", "",
      {{"level_of_need", "\"universal_plus\""}, {"assessment", "-"}}, "", "assessment.completed",
      "blocking", ""),

    // not_applied reasons
    R("step down", "okafor", "", {{"referral.route", "\"step_down\""}}, "", "assessment.completed",
      "not_applied", "referral route step_down"),
    R("step down: no assessment timescale", "okafor", "", {{"referral.route", "\"step_down\""}}, "",
      "time.assessment", "not_applied", "referral route step_down"),
    R("no transfer to summarise", "okafor", "", {}, "", "summary.transfer", "not_applied",
      "no step-up, to-universal or lead-change transfer"),
    R("no initial meeting yet", "okafor", "", {{"closure", kNoClosure}}, "2026-03-20",
      "time.review_interval", "not_applied", "no initial TAF meeting"),
    R("not allocated", "okafor", "", {{"allocation", "-"}, {"lead_worker", "-"}}, "",
      "time.first_visit", "not_applied", "not allocated"),

    // sf.outcomes: only at the end of successful work, or while open (002: 20.3)
    R("disengaged: no outcomes asked", "okafor", "barnet-0-19",
      {{"closure.reason", "\"disengaged\""}, {"supporting_families.outcomes", "[]"}}, "",
      "sf.outcomes", "not_applied", "closure reason disengaged"),
    R("goals achieved: outcomes asked", "okafor", "barnet-0-19",
      {{"supporting_families.outcomes", "[]"}}, "", "sf.outcomes", "blocking", ""),
    R("open: outcomes asked", "okafor", "barnet-0-19",
      {{"closure", kNoClosure}, {"supporting_families.outcomes", "[]"}}, "2026-06-30",
      "sf.outcomes", "blocking", ""),

    // The two dates: a record after the closure date counts for record rules, not for
    // timeliness; after the check date it counts for neither.
    R("a visit after closure does not make a late first visit timely", "okafor", "",
      {{"contacts[1].kind", "\"telephone\""},
       {"contacts[2].kind", "\"telephone\""},
       {"contacts[3].kind", "\"telephone\""},
       {"contacts[4].kind", "\"telephone\""},
       {"contacts[5].kind", "\"telephone\""},
       {"contacts[6].kind", "\"telephone\""},
       {"contacts[7].kind", "\"telephone\""},
       {"contacts[8].kind", "\"telephone\""},
       {"contacts[9].kind", "\"telephone\""},
       {"contacts[10].kind", "\"telephone\""},
       {"contacts[11].kind", "\"telephone\""},
       {"contacts[+]", R"({"id": "k99", "at": "2026-07-01T10:00", "kind": "home_visit",
                           "with": ["a1"], "status": "final"})"}},
      "2026-12-01", "time.first_visit", "warnings",
      "No visit where the family was seen by 26 June"),
    R("a case summary after closure counts for the record rule", "okafor", "",
      {{"documents[3].issued_at", "\"2026-07-01T10:00\""}}, "2026-12-01", "summary.case", "passed",
      ""),
    R("but not after the check date", "okafor", "",
      {{"documents[3].issued_at", "\"2026-07-01T10:00\""}}, "2026-06-30", "summary.case",
      "blocking", ""),
};

void checkRow(const RuleRow& row) {
    rules::CheckReport report = test::runRow(row);
    auto [place, message] = test::placeOf(report, row.rule);
    BOOST_TEST(place == row.expect, row.rule << " is " << place << " (" << message << ")");
    if (!row.messageHas.empty())
        BOOST_TEST(message.find(row.messageHas) != std::string::npos,
                   "message \"" << message << "\" lacks \"" << row.messageHas << "\"");
}

}  // namespace

BOOST_DATA_TEST_CASE(version_2_rules, bdata::make(kRows), row) {
    checkRow(row);
}
