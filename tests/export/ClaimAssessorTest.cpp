#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <ostream>

#include "TestCases.h"
#include "case/CaseReader.h"
#include "rules/ClaimAssessor.h"

namespace ehdocs {
std::ostream& operator<<(std::ostream& out, ClaimStatus status) {
    return out << claimStatusId(status);
}
}  // namespace ehdocs

namespace {

using namespace ehdocs;
using test::claimableFamily;
using test::d;

std::string firstError(const ReadResult& read) {
    return read.errors.empty() ? "" : read.errors.front().text();
}

SupportingFamilies& sf(Case& kase) {
    return *kase.supportingFamilies;
}

struct Row {
    const char* name;
    std::function<void(Case&)> change;
    const char* asOf;
    ClaimStatus status;
    const char* kind;
    const char* claimableFrom;         // "" = none
    std::vector<std::string> reasons;  // each must appear (whole reason text)
};
std::ostream& operator<<(std::ostream& out, const Row& row) {
    return out << row.name;
}

// 2026-01-10 + 182 days = 2026-07-11.
const std::vector<Row> kRows = {
    {"not on the programme",
     [](Case& c) { c.supportingFamilies.reset(); },
     "2026-08-01",
     ClaimStatus::NotOnProgramme,
     "",
     "",
     {"not on the Supporting Families programme (no supporting_families)"}},
    {"claim recorded wins over everything",
     [](Case& c) {
         sf(c).criteria.resize(1);
         sf(c).claim = SfClaim{"continuous_employment", d("2026-03-01"), "PBR-77"};
     },
     "2026-08-01",
     ClaimStatus::Claimed,
     "continuous_employment",
     "",
     {"claim recorded: continuous employment, submitted 2026-03-01, reference PBR-77"}},
    {"sf_2022 with two headlines",
     [](Case& c) { sf(c).criteria.pop_back(); },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"sf_2022 needs at least 3 different headlines: 2 recorded (education, health)"}},
    {"sf_2022 repeated headline counts once",
     [](Case& c) { sf(c).criteria[2].headline = "health"; },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"sf_2022 needs at least 3 different headlines: 2 recorded (education, health)"}},
    {"sf_2022 without a child or unborn member",
     [](Case& c) { c.family.members.pop_back(); },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"sf_2022 needs a child or unborn member in the family: none recorded"}},
    {"sf_2022 with an unborn member only",
     [](Case& c) { c.family.members[1].kind = "unborn"; },
     "2026-08-01",
     ClaimStatus::Claimable,
     "significant_and_sustained_progress",
     "2026-07-11",
     {}},
    {"tf_2015 with one headline",
     [](Case& c) {
         sf(c).framework = "tf_2015";
         sf(c).criteria.resize(1);
         sf(c).criteria[0].headline = "crime_asb";
     },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"tf_2015 needs at least 2 of its 6 headlines: 1 recorded (crime_asb)"}},
    {"tf_2015 with two of its headlines is eligible",
     [](Case& c) {
         sf(c).framework = "tf_2015";
         sf(c).criteria.pop_back();
         c.family.members.pop_back();  // no child needed for tf_2015
     },
     "2026-08-01",
     ClaimStatus::Claimable,
     "significant_and_sustained_progress",
     "2026-07-11",
     {}},
    {"tf_2015 does not count sf_2022-only headlines",
     [](Case& c) {
         sf(c).framework = "tf_2015";
         sf(c).criteria[0].headline = "housing";
     },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"tf_2015 needs at least 2 of its 6 headlines: 1 recorded (health)"}},
    {"no framework recorded: the sf_2022 rule, any known headline counts",
     [](Case& c) {
         sf(c).framework = "";
         sf(c).criteria[2].headline = "crime_asb";
     },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"crime_asb: no goal of the latest plan (version 2) has this sf_outcome"}},
    {"no framework recorded and two headlines",
     [](Case& c) {
         sf(c).framework = "";
         sf(c).criteria.pop_back();
     },
     "2026-08-01",
     ClaimStatus::NotEligible,
     "",
     "",
     {"sf_2022 (no framework recorded) needs at least 3 different headlines: 2 recorded "
      "(education, health)"}},
    {"no whole-family assessment",
     [](Case& c) { sf(c).wholeFamilyAssessment = false; },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family assessment not recorded"}},
    {"no whole-family plan and lead worker not recognised",
     [](Case& c) {
         sf(c).wholeFamilyPlan = false;
         sf(c).leadWorkerRecognised = false;
     },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family plan not recorded",
      "lead worker not recorded as recognised by the family and professionals"}},
    {"a headline without a goal in the latest plan (an older plan does not count)",
     [](Case& c) {
         c.plans[0].goals.pop_back();
         Goal goal;
         goal.sfOutcome = "housing";
         c.plans[1].goals.push_back(goal);
     },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"housing: no goal of the latest plan (version 2) has this sf_outcome"}},
    {"no plan at all, though a whole-family plan is declared",
     [](Case& c) { c.plans.clear(); },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family plan declared, but the file holds no plan",
      "education: no plan recorded, so no goal is aligned to it",
      "health: no plan recorded, so no goal is aligned to it",
      "housing: no plan recorded, so no goal is aligned to it"}},
    {"a whole-family assessment declared with no assessment in the file",
     [](Case& c) { c.assessment.reset(); },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family assessment declared, but the file holds no completed assessment"}},
    {"an assessment started but not completed does not count",
     [](Case& c) { c.assessment->completed.reset(); },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family assessment declared, but the file holds no completed assessment"}},
    {"an assessment completed after the as-of date does not count yet",
     [](Case& c) { c.assessment->completed = d("2026-08-02"); },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family assessment declared, but the file holds no completed assessment"}},
    {"a recognised lead worker declared with no lead worker",
     [](Case& c) { c.leadWorker.clear(); },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"lead worker recognition declared, but the file names no lead worker (`lead_worker`)"}},
    {"conditions are checked before employment",
     [](Case& c) {
         sf(c).wholeFamilyPlan = false;
         sf(c).employment = SfEmployment{"a1", d("2025-01-01"), d("2026-01-01")};
     },
     "2026-08-01",
     ClaimStatus::ConditionsNotMet,
     "",
     "",
     {"whole-family plan not recorded"}},
    {"employment exactly 26 weeks is enough, even with outcomes outstanding",
     [](Case& c) {
         sf(c).outcomes[0].status = "in_progress";
         sf(c).employment = SfEmployment{"a1", d("2026-01-05"), d("2026-07-06")};
     },
     "2026-07-06",
     ClaimStatus::Claimable,
     "continuous_employment",
     "2026-07-06",
     {"continuous employment for 182 days (2026-01-05 to 2026-07-06), at least 182 needed"}},
    {"employment one day short is not",
     [](Case& c) {
         sf(c).outcomes[0].status = "in_progress";
         sf(c).employment = SfEmployment{"a1", d("2026-01-05"), d("2026-07-05")};
     },
     "2026-07-06",
     ClaimStatus::OutcomesOutstanding,
     "",
     "",
     {"education: outcome in progress"}},
    {"employment without an end date falls through to outcomes",
     [](Case& c) {
         sf(c).employment = SfEmployment{"a1", d("2025-01-05"), std::nullopt};
     },
     "2026-08-01",
     ClaimStatus::Claimable,
     "significant_and_sustained_progress",
     "2026-07-11",
     {}},
    {"outcomes outstanding: each kind of gap",
     [](Case& c) {
         sf(c).outcomes[0].status = "not_started";
         sf(c).outcomes[1].achieved.reset();
         sf(c).outcomes.pop_back();
     },
     "2026-08-01",
     ClaimStatus::OutcomesOutstanding,
     "",
     "",
     {"education: outcome not started", "health: outcome achieved but no achieved date recorded",
      "housing: no outcome recorded"}},
    {"an outcome for a headline not in the criteria does not help",
     [](Case& c) { sf(c).outcomes[2].headline = "crime"; },
     "2026-08-01",
     ClaimStatus::OutcomesOutstanding,
     "",
     "",
     {"housing: no outcome recorded"}},
    {"a later achieved outcome for the same headline settles it",
     [](Case& c) {
         sf(c).outcomes[0].status = "in_progress";
         SfOutcome again = sf(c).outcomes[1];
         again.headline = "education";
         again.achieved = d("2026-02-01");
         sf(c).outcomes.push_back(again);
     },
     "2026-08-02",
     ClaimStatus::Claimable,
     "significant_and_sustained_progress",
     "2026-08-02",
     {}},
    {"sustaining one day short of 26 weeks",
     [](Case&) {},
     "2026-07-10",
     ClaimStatus::Sustaining,
     "",
     "2026-07-11",
     {"all outcomes achieved; the latest (health, 2026-01-10) held 181 of 182 days as of "
      "2026-07-10; claimable from 2026-07-11"}},
    {"claimable at exactly 26 weeks",
     [](Case&) {},
     "2026-07-11",
     ClaimStatus::Claimable,
     "significant_and_sustained_progress",
     "2026-07-11",
     {"all outcomes achieved; the latest (health, 2026-01-10) held 182 days as of 2026-07-11, "
      "at least 182 needed"}},
    {"sustaining when achieved after the as-of date",
     [](Case&) {},
     "2026-01-05",
     ClaimStatus::Sustaining,
     "",
     "2026-07-11",
     {}},
};

BOOST_DATA_TEST_CASE(claim_status_table, boost::unit_test::data::make(kRows), row) {
    Case kase = claimableFamily();
    row.change(kase);
    const ClaimReadiness result = ClaimAssessor().assess(kase, d(row.asOf));
    BOOST_TEST(result.status == row.status);
    BOOST_TEST(result.claimKind == std::string(row.kind));
    BOOST_TEST((result.claimableFrom ? result.claimableFrom->iso() : "") ==
               std::string(row.claimableFrom));
    for (const auto& reason : row.reasons)
        BOOST_TEST((std::find(result.reasons.begin(), result.reasons.end(), reason) !=
                    result.reasons.end()),
                   "missing reason \"" << reason << "\"");
    if (!row.reasons.empty()) BOOST_TEST(result.reasons.size() == row.reasons.size());
    if (result.status != ClaimStatus::Claimable && result.status != ClaimStatus::Sustaining &&
        result.status != ClaimStatus::Claimed)
        BOOST_TEST(!result.reasons.empty());
}

BOOST_AUTO_TEST_CASE(settings_change_the_period) {
    ClaimSettings settings;
    settings.sustainDays = 91;
    const auto result = ClaimAssessor(settings).assess(claimableFamily(), d("2026-04-11"));
    BOOST_TEST(result.status == ClaimStatus::Claimable);
    BOOST_TEST(result.claimableFrom->iso() == "2026-04-11");
}

BOOST_AUTO_TEST_CASE(flags_are_reported_whatever_the_status) {
    Case kase = claimableFamily();
    sf(kase).claim = SfClaim{"significant_and_sustained_progress", std::nullopt, ""};
    sf(kase).wholeFamilyPlan = false;
    const auto result = ClaimAssessor().assess(kase, d("2026-08-01"));
    BOOST_TEST(result.status == ClaimStatus::Claimed);
    BOOST_TEST(result.eligible);
    BOOST_TEST(!result.conditionsMet);
    BOOST_TEST(result.headlines == std::vector<std::string>({"education", "health", "housing"}));
    BOOST_TEST(result.reasons.at(0) ==
               "claim recorded: significant and sustained progress, no reference recorded");
}

BOOST_AUTO_TEST_CASE(okafor_example_has_health_outstanding) {
    const auto read =
        CaseReader::fromFile(EHDOCS_SOURCE_DIR "/examples/okafor-ready-to-close.json");
    BOOST_REQUIRE_MESSAGE(read.ok(), firstError(read));
    const auto result = ClaimAssessor().assess(*read.kase, d("2026-06-26"));
    BOOST_TEST(result.status == ClaimStatus::OutcomesOutstanding);
    BOOST_TEST(result.reasons == std::vector<std::string>({"health: outcome in progress"}));
    BOOST_TEST(result.eligible);
    BOOST_TEST(result.conditionsMet);
    BOOST_TEST(!result.claimableFrom);
}

BOOST_AUTO_TEST_CASE(bennett_example_is_not_on_the_programme) {
    const auto read = CaseReader::fromFile(EHDOCS_SOURCE_DIR "/examples/bennett-disengaged.json");
    BOOST_REQUIRE_MESSAGE(read.ok(), firstError(read));
    BOOST_TEST(ClaimAssessor().assess(*read.kase, d("2026-06-26")).status ==
               ClaimStatus::NotOnProgramme);
}

}  // namespace
