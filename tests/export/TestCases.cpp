#include "TestCases.h"

#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace ehdocs::test {

Date d(const char* iso) {
    return *Date::parse(iso);
}

Case claimableFamily() {
    Case kase;
    kase.caseId = "SF-1";
    kase.family.familyName = "Test";
    kase.service.team = "North";
    Member mum;
    mum.id = "a1";
    mum.kind = "adult";
    mum.firstName = "Ann";
    mum.lastName = "Test";
    Member child;
    child.id = "c1";
    child.kind = "child";
    child.firstName = "Cal";
    child.lastName = "Test";
    kase.family.members = {mum, child};
    Worker worker;
    worker.id = "w1";
    worker.name = "Wendy Worker";
    kase.workers = {worker};
    kase.leadWorker = "w1";
    Plan plan;
    plan.version = 2;
    plan.date = d("2025-10-01");
    for (const char* headline : {"education", "health", "housing"}) {
        Goal goal;
        goal.id = std::string("g-") + headline;
        goal.sfOutcome = headline;
        plan.goals.push_back(goal);
    }
    Plan older;
    older.version = 1;
    older.date = d("2025-09-01");
    kase.plans = {plan, older};
    Assessment
        assessment;  // the whole-family assessment the family's `supporting_families` declares
    assessment.completed = d("2025-09-20");
    kase.assessment = assessment;
    SupportingFamilies sf;
    sf.framework = "sf_2022";
    sf.attached = d("2025-09-01");
    for (const char* headline : {"education", "health", "housing"}) {
        SfCriterion criterion;
        criterion.headline = headline;
        criterion.members = {"c1"};
        criterion.evidence = std::string("Evidence for ") + headline;
        criterion.source = "School";
        criterion.date = d("2025-08-20");
        sf.criteria.push_back(criterion);
        SfOutcome outcome;
        outcome.headline = headline;
        outcome.status = "achieved";
        outcome.achieved = d("2026-01-01");
        sf.outcomes.push_back(outcome);
    }
    sf.outcomes[1].achieved = d("2026-01-10");
    sf.outcomes[2].status = "sustained";
    sf.wholeFamilyAssessment = sf.wholeFamilyPlan = sf.leadWorkerRecognised = true;
    kase.supportingFamilies = sf;
    return kase;
}

Case example(const std::string& name) {
    const auto read = CaseReader::fromFile(std::string(EHDOCS_SOURCE_DIR "/examples/") + name);
    BOOST_REQUIRE_MESSAGE(read.ok(),
                          name << ": " << (read.errors.empty() ? "" : read.errors[0].text()));
    return *read.kase;
}

std::string runCommand(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    BOOST_REQUIRE_MESSAGE(pipe, "cannot run " << command);
    std::string out;
    char buffer[65536];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
    const int status = pclose(pipe.release());
    BOOST_REQUIRE_MESSAGE(status == 0, command << " exited with " << status);
    return out;
}

TempPath::TempPath(const std::string& suffix) {
    static std::atomic<int> counter{0};
    _path = (std::filesystem::temp_directory_path() /
             ("ehdocs-export-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
              suffix))
                .string();
}

TempPath::~TempPath() {
    std::error_code ignored;
    std::filesystem::remove_all(_path, ignored);
}

}  // namespace ehdocs::test
