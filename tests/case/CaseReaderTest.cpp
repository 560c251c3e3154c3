#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "case/CaseReader.h"

using namespace ehdocs;
namespace bdata = boost::unit_test::data;
using Poco::Dynamic::Var;
using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kOkafor = std::string(EHDOCS_SOURCE_DIR) + "/examples/okafor-ready-to-close.json";
const std::string kBennett = std::string(EHDOCS_SOURCE_DIR) + "/examples/bennett-disengaged.json";

// Okafor with a transfer and a step-up closure added, so every list in the format has an item.
ObjectPtr fullCase() {
    ObjectPtr root = Poco::JSON::Parser().parse(readFile(kOkafor)).extract<ObjectPtr>();
    Var transfer = Poco::JSON::Parser().parse(R"({"kind": "step_up", "decided": "2026-06-01",
        "from": {"service": "FFS", "worker": "w1"}, "to": {"service": "CSC", "name": "Duty"}})");
    ArrayPtr transfers = new Poco::JSON::Array;
    transfers->add(transfer);
    root->set("transfers", transfers);
    return root;
}

// Poco's parser takes only an object or a list at the top, so a scalar goes through a list.
Var parseValue(const std::string& json) {
    return Poco::JSON::Parser().parse("[" + json + "]").extract<ArrayPtr>()->get(0);
}

// Sets (or, with remove, deletes) the value at a path such as `family.members[0].kind`.
void apply(ObjectPtr root, const std::string& path, const std::string& valueJson, bool remove) {
    Var node = root;
    std::string rest = path;
    while (true) {
        size_t dot = rest.find('.');
        std::string part = rest.substr(0, dot);
        bool last = dot == std::string::npos;
        std::string key = part;
        int index = -1;
        if (size_t bracket = part.find('['); bracket != std::string::npos) {
            key = part.substr(0, bracket);
            index = std::stoi(part.substr(bracket + 1));
        }
        ObjectPtr obj = node.extract<ObjectPtr>();
        if (last && index < 0) {
            if (remove)
                obj->remove(key);
            else
                obj->set(key, parseValue(valueJson));
            return;
        }
        node = obj->get(key);
        if (index >= 0) {
            ArrayPtr arr = node.extract<ArrayPtr>();
            if (last) {
                if (remove)
                    arr->remove(index);
                else
                    arr->set(index, parseValue(valueJson));
                return;
            }
            node = arr->get(index);
        }
        rest = rest.substr(dot + 1);
    }
}

std::string stringify(ObjectPtr root) {
    std::ostringstream out;
    root->stringify(out);
    return out.str();
}

// The errors of the full case after one change, as "path: message" lines.
std::string errorsAfter(const std::string& path, const std::string& valueJson, bool remove) {
    ObjectPtr root = fullCase();
    apply(root, path, valueJson, remove);
    ReadResult r = CaseReader::fromJson(stringify(root));
    std::string all;
    for (const auto& e : r.errors) all += e.text() + "\n";
    return all;
}

struct Change {
    const char* path;
    const char* value;     // JSON; nullptr removes the field
    const char* expected;  // a line the errors must contain
};

std::ostream& operator<<(std::ostream& os, const Change& c) {
    return os << c.path << " = " << (c.value ? c.value : "(removed)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_reader)

BOOST_AUTO_TEST_CASE(reads_the_examples) {
    for (const std::string& file : {kOkafor, kBennett}) {
        ReadResult r = CaseReader::fromFile(file);
        BOOST_TEST_INFO(file);
        BOOST_TEST(r.ok());
    }
    ReadResult r = CaseReader::fromFile(kOkafor);
    BOOST_REQUIRE(r.ok());
    const Case& c = *r.kase;
    BOOST_TEST(c.caseId == "NH-FF-2026-0142");
    BOOST_TEST(c.family.members.size() == 4u);
    BOOST_TEST(c.member("c2")->firstName == "Ruth");
    BOOST_TEST(c.latestPlan()->version == 2);
    BOOST_TEST(c.referral.received.iso() == "2026-03-02T09:15");
    BOOST_TEST(c.closure->reason == "goals_achieved");
    BOOST_TEST(c.supportingFamilies->outcomes[2].status == "in_progress");
    BOOST_TEST(c.meeting("m3")->isTaf());
}

BOOST_AUTO_TEST_CASE(reads_the_version_2_additions) {
    ObjectPtr root = fullCase();
    apply(root, "transfers[0].to.worker", "\"Duty social worker\"", false);
    apply(root, "transfers[0].family_informed", "false", false);
    apply(root, "transfers[0].not_informed_reason", "\"Telling Mum would put Daniel at risk\"",
          false);
    apply(root, "transfers[0].decided_by", "\"w2\"", false);
    apply(root, "closure.safeguarding_decision",
          R"({"by": "w2", "date": "2026-06-26", "referred": false, "reasoning": "No new worry"})",
          false);
    apply(root, "closure.children_not_seen",
          R"([{"member": "c2", "reason": "Away at university"}])", false);
    ReadResult r = CaseReader::fromJson(stringify(root));
    BOOST_REQUIRE(r.ok());
    const Transfer& t = r.kase->transfers[0];
    BOOST_TEST(t.to.worker.empty());
    BOOST_TEST(t.to.name == "Duty");  // the file's own `name` wins over a name in `worker`
    BOOST_TEST(!t.familyInformed);
    BOOST_TEST(t.notInformedReason == "Telling Mum would put Daniel at risk");
    BOOST_TEST(t.decidedBy == "w2");
    const Closure& cl = *r.kase->closure;
    BOOST_REQUIRE(cl.safeguardingDecision.has_value());
    BOOST_TEST(cl.safeguardingDecision->by == "w2");
    BOOST_TEST((cl.safeguardingDecision->referred == std::optional<bool>(false)));
    BOOST_TEST(cl.safeguardingDecision->reasoning == "No new worry");
    BOOST_REQUIRE_EQUAL(cl.childrenNotSeen.size(), 1u);
    BOOST_TEST(cl.childrenNotSeen[0].member == "c2");
    BOOST_TEST(cl.childrenNotSeen[0].reason == "Away at university");

    apply(root, "transfers[0].to.name", "", true);
    r = CaseReader::fromJson(stringify(root));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.kase->transfers[0].to.name == "Duty social worker");
    apply(root, "transfers[0].to.worker", "\"w2\"", false);
    r = CaseReader::fromJson(stringify(root));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.kase->transfers[0].to.worker == "w2");
    BOOST_TEST(r.kase->transfers[0].to.name.empty());
}

BOOST_AUTO_TEST_CASE(a_transfer_without_family_informed_means_the_family_was_told) {
    ReadResult r = CaseReader::fromJson(stringify(fullCase()));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.kase->transfers[0].familyInformed);
    BOOST_TEST(!r.kase->closure->safeguardingDecision.has_value());
}

BOOST_AUTO_TEST_CASE(the_full_case_used_below_is_valid) {
    BOOST_TEST(CaseReader::fromJson(stringify(fullCase())).ok());
}

const Change kMissing[] = {
    {"format", nullptr, "format: is required"},
    {"case_id", nullptr, "case_id: is required"},
    {"service", nullptr, "service: is required"},
    {"status", nullptr, "status: is required"},
    {"family", nullptr, "family: is required"},
    {"workers", nullptr, "workers: is required"},
    {"referral", nullptr, "referral: is required"},
    {"lead_worker", nullptr, "lead_worker: is required once the case is allocated"},
    {"family.members", nullptr, "family.members: is required"},
    {"family.members[0].id", nullptr, "family.members[0].id: is required"},
    {"family.members[0].kind", nullptr, "family.members[0].kind: is required"},
    {"family.members[0].first_name", nullptr, "family.members[0].first_name: is required"},
    {"family.members[0].relationship", nullptr, "family.members[0].relationship: is required"},
    {"family.members[0].dob", nullptr, "family.members[0].dob: is required"},
    {"workers[0].id", nullptr, "workers[0].id: is required"},
    {"workers[0].name", nullptr, "workers[0].name: is required"},
    {"workers[0].role", nullptr, "workers[0].role: is required"},
    {"referral.received", nullptr, "referral.received: is required"},
    {"referral.route", nullptr, "referral.route: is required"},
    {"referral.reasons", nullptr, "referral.reasons: is required"},
    {"contacts[0].id", nullptr, "contacts[0].id: is required"},
    {"contacts[0].at", nullptr, "contacts[0].at: is required"},
    {"contacts[0].kind", nullptr, "contacts[0].kind: is required"},
    {"contacts[0].status", nullptr, "contacts[0].status: is required"},
    {"plans[0].version", nullptr, "plans[0].version: is required"},
    {"plans[0].date", nullptr, "plans[0].date: is required"},
    {"plans[0].goals[0].id", nullptr, "plans[0].goals[0].id: is required"},
    {"plans[0].goals[0].outcome", nullptr, "plans[0].goals[0].outcome: is required"},
    {"plans[0].actions[0].id", nullptr, "plans[0].actions[0].id: is required"},
    {"plans[0].actions[0].action", nullptr, "plans[0].actions[0].action: is required"},
    {"plans[0].actions[0].status", nullptr, "plans[0].actions[0].status: is required"},
    {"meetings[0].id", nullptr, "meetings[0].id: is required"},
    {"meetings[0].kind", nullptr, "meetings[0].kind: is required"},
    {"meetings[0].at", nullptr, "meetings[0].at: is required"},
    {"chronology[0].date", nullptr, "chronology[0].date: is required"},
    {"chronology[0].event", nullptr, "chronology[0].event: is required"},
    {"supervision[0].at", nullptr, "supervision[0].at: is required"},
    {"supervision[0].kind", nullptr, "supervision[0].kind: is required"},
    {"assessment.scores[0].score", nullptr, "assessment.scores[0].score: is required"},
    {"transfers[0].kind", nullptr, "transfers[0].kind: is required"},
    {"transfers[0].decided", nullptr, "transfers[0].decided: is required"},
    {"closure.date", nullptr, "closure.date: is required"},
    {"closure.reason", nullptr, "closure.reason: is required"},
    {"documents[0].id", nullptr, "documents[0].id: is required"},
    {"documents[0].type", nullptr, "documents[0].type: is required"},
    {"documents[0].issued_at", nullptr, "documents[0].issued_at: is required"},
};

BOOST_DATA_TEST_CASE(every_required_field_is_reported_when_missing, bdata::make(kMissing), change) {
    BOOST_TEST(errorsAfter(change.path, "", true).find(change.expected) != std::string::npos,
               "expected `" << change.expected << "` in:\n"
                            << errorsAfter(change.path, "", true));
}

const Change kEnums[] = {
    {"status", "\"bogus\"", "status: unknown value \"bogus\"; allowed: open, closed"},
    {"level_of_need", "\"bogus\"",
     "level_of_need: unknown value \"bogus\"; allowed: universal_plus"},
    {"family.members[0].kind", "\"bogus\"",
     "family.members[0].kind: unknown value \"bogus\"; allowed: child, adult, unborn"},
    {"family.members[2].consent", "\"yes\"",
     "family.members[2].consent: unknown value \"yes\"; allowed: given, refused, not_sought"},
    {"family.network[0].kind", "\"bogus\"", "family.network[0].kind: unknown value"},
    {"family.network[0].strength", "\"weak\"",
     "family.network[0].strength: unknown value \"weak\"; allowed: strong, moderate, tenuous, "
     "stressful"},
    {"workers[0].role", "\"boss\"", "workers[0].role: unknown value \"boss\""},
    {"referral.source", "\"bogus\"", "referral.source: unknown value"},
    {"referral.route", "\"bogus\"",
     "referral.route: unknown value \"bogus\"; allowed: new, re_referral, step_down, redirected"},
    {"referral.reasons[1]", "\"bogus\"", "referral.reasons[1]: unknown value \"bogus\""},
    {"referral.decision.outcome", "\"bogus\"", "referral.decision.outcome: unknown value"},
    {"contacts[0].kind", "\"bogus\"", "contacts[0].kind: unknown value"},
    {"contacts[0].status", "\"done\"",
     "contacts[0].status: unknown value \"done\"; allowed: draft, final"},
    {"assessment.scores[0].tool", "\"bogus\"", "assessment.scores[0].tool: unknown value"},
    {"plans[0].actions[0].status", "\"bogus\"", "plans[0].actions[0].status: unknown value"},
    {"plans[0].goals[0].sf_outcome", "\"bogus\"", "plans[0].goals[0].sf_outcome: unknown value"},
    {"meetings[0].kind", "\"bogus\"", "meetings[0].kind: unknown value"},
    {"supervision[0].kind", "\"bogus\"", "supervision[0].kind: unknown value"},
    {"supervision[0].point", "\"bogus\"", "supervision[0].point: unknown value"},
    {"correspondence[0].direction", "\"bogus\"", "correspondence[0].direction: unknown value"},
    {"correspondence[0].kind", "\"bogus\"", "correspondence[0].kind: unknown value"},
    {"feedback[0].method", "\"bogus\"", "feedback[0].method: unknown value"},
    {"transfers[0].kind", "\"bogus\"", "transfers[0].kind: unknown value"},
    {"closure.reason", "\"bogus\"", "closure.reason: unknown value"},
    {"supporting_families.framework", "\"bogus\"", "supporting_families.framework: unknown value"},
    {"supporting_families.criteria[0].headline", "\"crime_asb\"",
     "supporting_families.criteria[0].headline: unknown value \"crime_asb\""},
    {"supporting_families.outcomes[0].status", "\"bogus\"",
     "supporting_families.outcomes[0].status: unknown value"},
    {"documents[0].format", "\"docx\"",
     "documents[0].format: unknown value \"docx\"; allowed: html, pdf, xlsx"},
    {"format", "\"ehdocs.case/2\"", "format: unknown format \"ehdocs.case/2\""},
};

BOOST_DATA_TEST_CASE(every_enum_rejects_unknown_values_naming_the_allowed_ones, bdata::make(kEnums),
                     change) {
    std::string errors = errorsAfter(change.path, change.value, false);
    BOOST_TEST(errors.find(change.expected) != std::string::npos, "expected `" << change.expected
                                                                               << "` in:\n"
                                                                               << errors);
}

const Change kValues[] = {
    {"referral.received", "\"2026-02-30T09:15\"",
     "referral.received: \"2026-02-30T09:15\" is not a real date"},
    {"referral.received", "\"02/03/2026 09:15\"",
     "referral.received: \"02/03/2026 09:15\" is not a date and time"},
    {"referral.received", "\"2026-03-02\"", ""},      // a bare date is accepted for a datetime
    {"family.members[0].dob", "\"1988-02-29\"", ""},  // 1988 was a leap year: valid
    {"family.members[0].dob", "\"1987-02-29\"",
     "family.members[0].dob: \"1987-02-29\" is not a real date"},
    {"assessment.completed", "\"18/03/2026\"",
     "assessment.completed: \"18/03/2026\" is not a date (expected YYYY-MM-DD)"},
    {"case_id", "\"NH FF 142\"", "case_id: \"NH FF 142\" is not a valid id"},
    {"case_id", "42", "case_id: expected an id (text), found a number"},
    {"workers", "{}", "workers: expected a list, found an object"},
    {"family", "[]", "family: expected an object, found a list"},
    {"family.interpreter_needed", "\"no\"",
     "family.interpreter_needed: expected true or false, found text"},
    {"assessment.scores[0].score", "\"4\"",
     "assessment.scores[0].score: expected a number, found text"},
    {"plans[0].version", "1.5", "plans[0].version: must be a whole number, 1 or more"},
    {"family.members[0].first_name", "\"\"",
     "family.members[0].first_name: is required and may not be empty"},
    {"referral.reasons", "[]", "referral.reasons: must name at least one reason"},
    {"lead_worker", "\"w99\"", "lead_worker: \"w99\" is not the id of a worker"},
    {"referral.consent.given_by", "\"w1\"",
     "referral.consent.given_by: \"w1\" is not the id of a family member"},
    {"contacts[1].with[0]", "\"c9\"",
     "contacts[1].with[0]: \"c9\" is not the id of a family member"},
    {"plans[0].actions[0].owner", "\"nobody\"",
     "plans[0].actions[0].owner: \"nobody\" is not the id of a family member or worker"},
    {"meetings[0].chair", "\"a1\"", "meetings[0].chair: \"a1\" is not the id of a worker"},
    {"transfers[0].from.worker", "\"w9\"",
     "transfers[0].from.worker: \"w9\" is not the id of a worker"},
    {"family.members[1].id", "\"a1\"",
     "family.members[1].id: duplicate id \"a1\" (also at family.members[0])"},
    {"contacts[1].id", "\"k1\"", "contacts[1].id: duplicate id \"k1\" (also at contacts[0])"},
    {"meetings[2].id", "\"m1\"", "meetings[2].id: duplicate id \"m1\""},
    {"plans[1].actions[1].id", "\"x1\"", "plans[1].actions[1].id: duplicate id \"x1\""},
    {"documents[3].id", "\"d1\"", "documents[3].id: duplicate id \"d1\""},
    {"family.members[2].kind", "\"adult\"", ""},  // still one child left: valid
    // Version 2 additions (docs/case-format.md).
    {"plans[0].actions[0].status", "\"handed_over\"", ""},
    {"transfers[0].to.worker", "\"Duty social worker\"", ""},  // a name, not an error
    {"transfers[0].to.worker", "\"w2\"", ""},
    {"transfers[0].to.worker", "42", "transfers[0].to.worker: expected text, found a number"},
    {"transfers[0].family_informed", "\"no\"",
     "transfers[0].family_informed: expected true or false, found text"},
    {"transfers[0].decided_by", "\"w9\"",
     "transfers[0].decided_by: \"w9\" is not the id of a worker"},
    {"closure.children_not_seen", R"([{"member": "c9", "reason": "moved"}])",
     "closure.children_not_seen[0].member: \"c9\" is not the id of a family member"},
    {"closure.children_not_seen_alone", R"([{"reason": "too young"}])",
     "closure.children_not_seen_alone[0].member: is required"},
    {"closure.safeguarding_decision", R"({"by": "a1", "date": "2026-06-26"})",
     "closure.safeguarding_decision.by: \"a1\" is not the id of a worker"},
    {"closure.safeguarding_decision", R"({"referred": "no"})",
     "closure.safeguarding_decision.referred: expected true or false, found text"},
    {"closure.safeguarding_decision", R"({"date": "2026-13-01"})",
     "closure.safeguarding_decision.date: \"2026-13-01\" is not a real date"},
    {"family.members[2].receives_letters", "true", ""},
};

BOOST_DATA_TEST_CASE(values_types_references_and_duplicates, bdata::make(kValues), change) {
    std::string errors = errorsAfter(change.path, change.value, false);
    if (std::string(change.expected).empty())
        BOOST_TEST(errors.empty(), "expected no errors, got:\n" << errors);
    else
        BOOST_TEST(errors.find(change.expected) != std::string::npos,
                   "expected `" << change.expected << "` in:\n"
                                << errors);
}

BOOST_AUTO_TEST_CASE(all_problems_are_reported_in_one_pass) {
    ObjectPtr root = fullCase();
    apply(root, "status", "\"shut\"", false);
    apply(root, "referral.received", "\"2026-02-30T09:15\"", false);
    apply(root, "contacts[3].with[0]", "\"zz\"", false);
    ReadResult r = CaseReader::fromJson(stringify(root));
    BOOST_TEST(!r.kase.has_value());
    BOOST_TEST(r.errors.size() == 3u);
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_kept_and_ignored) {
    ObjectPtr root = fullCase();
    apply(root, "x_local_system_id", "\"ABC-1\"", false);
    apply(root, "family.members[0].x_note", "{\"any\": [1, 2]}", false);
    BOOST_TEST(CaseReader::fromJson(stringify(root)).ok());
}

BOOST_AUTO_TEST_CASE(family_needs_a_child) {
    std::string errors = errorsAfter("family.members", R"([{"id": "a1", "kind": "adult",
        "first_name": "Grace", "relationship": "mother", "dob": "1988-07-14"}])",
                                     false);
    BOOST_TEST(errors.find("family.members: must include at least one child") != std::string::npos);
}

const char* const kMalformed[] = {"",     "{",           "{\"format\": ", "[1, 2]",    "\"text\"",
                                  "null", "{\"a\": 1,}", "{'a': 1}",      "\xff\xfe{}"};

BOOST_DATA_TEST_CASE(malformed_json_is_one_clear_error, bdata::make(kMalformed), json) {
    ReadResult r = CaseReader::fromJson(json);
    BOOST_REQUIRE_EQUAL(r.errors.size(), 1u);
    const std::string& m = r.errors[0].message;
    BOOST_TEST(
        (m.rfind("not valid JSON", 0) == 0 || m.rfind("a case file must be a JSON object", 0) == 0),
        m);
}

BOOST_AUTO_TEST_CASE(hostile_text_is_accepted_as_text) {
    ObjectPtr root = fullCase();
    apply(root, "family.family_name", R"("<script>alert(1)</script>{{#x}}\"'\u0007")", false);
    ReadResult r = CaseReader::fromJson(stringify(root));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.kase->family.familyName == "<script>alert(1)</script>{{#x}}\"'\a");
}

BOOST_AUTO_TEST_CASE(files_over_the_limit_are_refused_before_parsing) {
    ReadResult r = CaseReader::fromFile(kOkafor, 100);
    BOOST_REQUIRE_EQUAL(r.errors.size(), 1u);
    BOOST_TEST(r.errors[0].message.find("bytes; the limit for a case file is 100") !=
               std::string::npos);
    BOOST_TEST(CaseReader::fromFile("/nonexistent/case.json").errors[0].message ==
               "cannot open /nonexistent/case.json");
}

BOOST_AUTO_TEST_SUITE_END()
