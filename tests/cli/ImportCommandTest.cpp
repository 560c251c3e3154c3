// `ehdocs import`, run in-process on a SQLite store in a temporary folder.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "store/SqliteStore.h"

using namespace ehdocs;

namespace {

const std::string kExamples = EHDOCS_SOURCE_DIR "/examples";

struct Run {
    int status;
    std::string out, err;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

// A data folder and a folder of case files, both removed at the end.
struct ImportFixture {
    Poco::TemporaryFile data, cases;
    ImportFixture() {
        data.createDirectories();
        cases.createDirectories();
    }
    std::string casePath(const std::string& name) const {
        return Poco::Path(cases.path(), name).toString();
    }
    void copyExample(const std::string& name) {
        writeFile(casePath(name), readFile(kExamples + "/" + name));
    }
    Run import(std::vector<std::string> args, bool bar = false) const {
        args.push_back("--data");
        args.push_back(data.path());
        std::ostringstream out, err;
        const int status = cli::importCommand(args, out, err, bar);
        return {status, out.str(), err.str()};
    }
    store::SqliteStore store() const {
        return store::SqliteStore(Poco::Path(data.path(), "ehdocs.db").toString());
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(import_command)

BOOST_FIXTURE_TEST_CASE(imports_every_example_then_leaves_them_unchanged, ImportFixture) {
    const Run first = import({kExamples});
    BOOST_TEST(first.status == 0);
    BOOST_TEST(first.err == "");
    BOOST_TEST(contains(first.out,
                        "ehdocs import: 4 file(s): 4 created, 0 updated, 0 unchanged, "
                        "0 refused, 0 invalid (sqlite:"));
    {
        store::SqliteStore db = store();
        BOOST_TEST(db.caseCount() == 4u);
        const auto nowak = db.currentCase("DOR-LEH-2026-1207");
        BOOST_TEST_REQUIRE(nowak.has_value());
        BOOST_TEST(nowak->json == readFile(kExamples + "/nowak-open.json"));
        BOOST_TEST(nowak->team == "East Locality");
        BOOST_TEST(nowak->author == "import");
        // Each case's summary is kept as it is stored (ehdocs check gives the same verdicts;
        // an open case's timeliness findings only grow as the days pass).
        BOOST_TEST(nowak->summaryAsOf.size() == 10u);
        BOOST_TEST(!nowak->readyToClose);
        BOOST_TEST(nowak->blockingCount >= 12);
        BOOST_TEST(nowak->lateCount >= 3);
        BOOST_TEST(nowak->levelOfNeed == "targeted");
        store::CasePageQuery late;
        late.late = true;
        BOOST_TEST(db.casePage(late).total >= 1u);
        store::CasePageQuery ready;
        ready.ready = true;
        BOOST_TEST(db.casePage(ready).total >= 1u);
        store::AuditQuery imports;
        imports.user = "import";
        BOOST_TEST(db.audit(imports).size() == 4u);
        BOOST_TEST(db.audit(imports).front().action == "import");
    }
    const Run again = import({kExamples});
    BOOST_TEST(again.status == 0);
    BOOST_TEST(contains(again.out, "0 created, 0 updated, 4 unchanged, 0 refused, 0 invalid"));
}

BOOST_FIXTURE_TEST_CASE(the_same_case_laid_out_differently_is_unchanged, ImportFixture) {
    copyExample("nowak-open.json");
    BOOST_TEST(import({cases.path()}).status == 0);
    // The same JSON, indented differently: not a new version.
    std::string text = readFile(casePath("nowak-open.json"));
    std::string flat;
    for (char c : text) {
        if (c != '\n') flat += c;
    }
    writeFile(casePath("nowak-open.json"), flat);
    const Run again = import({cases.path()});
    BOOST_TEST(again.status == 0);
    BOOST_TEST(contains(again.out, "0 created, 0 updated, 1 unchanged"));
}

BOOST_FIXTURE_TEST_CASE(a_changed_case_is_refused_unless_update, ImportFixture) {
    copyExample("nowak-open.json");
    BOOST_TEST(import({cases.path()}).status == 0);
    std::string text = readFile(casePath("nowak-open.json"));
    const std::string from = "\"phone\": \"01300 000120\"";
    BOOST_TEST_REQUIRE(contains(text, from));
    text.replace(text.find(from), from.size(), "\"phone\": \"01300 000999\"");
    writeFile(casePath("nowak-open.json"), text);

    const Run refused = import({cases.path()});
    BOOST_TEST(refused.status == 2);
    BOOST_TEST(contains(refused.err, "ehdocs import: refused " + casePath("nowak-open.json") +
                                         ": case DOR-LEH-2026-1207 is stored (version 1) with "
                                         "different content; --update stores this file as its "
                                         "next version"));
    BOOST_TEST(contains(refused.out, "0 created, 0 updated, 0 unchanged, 1 refused"));
    BOOST_TEST(store().currentCase("DOR-LEH-2026-1207")->version == 1);

    const Run updated = import({cases.path(), "--update"});
    BOOST_TEST(updated.status == 0);
    BOOST_TEST(contains(updated.out, "0 created, 1 updated"));
    store::SqliteStore db = store();
    const auto current = db.currentCase("DOR-LEH-2026-1207");
    BOOST_TEST(current->version == 2);
    BOOST_TEST(current->action == "update");
    BOOST_TEST(current->json == text);
    BOOST_TEST(db.caseHistory("DOR-LEH-2026-1207").size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(invalid_files_are_listed_with_their_errors_and_skipped, ImportFixture) {
    copyExample("okafor-ready-to-close.json");
    writeFile(casePath("broken.json"), "{\"format\": \"ehdocs.case/1\"");
    std::string text = readFile(kExamples + "/nowak-open.json");
    const std::string from = "\"status\": \"open\"";
    text.replace(text.find(from), from.size(), "\"status\": \"opened\"");
    writeFile(casePath("bad-status.json"), text);

    const Run run = import({cases.path()});
    BOOST_TEST(run.status == 2);
    BOOST_TEST(contains(run.err, "ehdocs import: skipped " + casePath("broken.json") + ": "));
    BOOST_TEST(
        contains(run.err, "ehdocs import: skipped " + casePath("bad-status.json") + ": status: "));
    BOOST_TEST(contains(run.out,
                        "3 file(s): 1 created, 0 updated, 0 unchanged, 0 refused, "
                        "2 invalid"));
    store::SqliteStore db = store();
    BOOST_TEST(db.caseCount() == 1u);
    BOOST_TEST(!db.currentCase("DOR-LEH-2026-1207"));
}

BOOST_FIXTURE_TEST_CASE(two_files_of_one_case_in_one_import_are_compared, ImportFixture) {
    copyExample("nowak-open.json");
    std::string text = readFile(kExamples + "/nowak-open.json");
    const std::string from = "\"phone\": \"01300 000120\"";
    text.replace(text.find(from), from.size(), "\"phone\": \"01300 000999\"");
    writeFile(casePath("nowak-changed.json"), text);
    writeFile(casePath("nowak-changed-copy.json"), text);
    const Run run = import({cases.path()});
    BOOST_TEST(run.status == 2);
    // In name order: the changed file creates the case (in a batch not yet stored), its copy
    // is the same, the original differs from it.
    BOOST_TEST(contains(run.out, "3 file(s): 1 created, 0 updated, 1 unchanged, 1 refused"));
    BOOST_TEST(contains(run.err, "refused " + casePath("nowak-open.json")));
    BOOST_TEST(store().currentCase("DOR-LEH-2026-1207")->json == text);
}

BOOST_FIXTURE_TEST_CASE(more_files_than_one_batch_are_each_stored_once, ImportFixture) {
    const std::string text = readFile(kExamples + "/nowak-open.json");
    const std::string id = "\"case_id\": \"DOR-LEH-2026-1207\"";
    BOOST_TEST_REQUIRE(contains(text, id));
    for (int i = 0; i < 450; ++i) {
        std::string variant = text;
        variant.replace(variant.find(id), id.size(),
                        "\"case_id\": \"BATCH-" + std::to_string(1000 + i) + "\"");
        writeFile(casePath("batch-" + std::to_string(1000 + i) + ".json"), variant);
    }
    const Run run = import({cases.path()});
    BOOST_TEST(run.status == 0);
    BOOST_TEST(contains(run.out, "450 file(s): 450 created, 0 updated, 0 unchanged, 0 refused"));
    store::SqliteStore db = store();
    BOOST_TEST(db.caseCount() == 450u);
    store::AuditQuery imports;
    imports.user = "import";
    BOOST_TEST(db.auditCount(imports) == 450u);
}

BOOST_FIXTURE_TEST_CASE(a_progress_bar_only_when_asked, ImportFixture) {
    const Run plain = import({kExamples});
    BOOST_TEST(!contains(plain.err, "files"));
    const Run withBar = import({kExamples}, true);
    BOOST_TEST(contains(withBar.err, "] 4/4 files"));
    BOOST_TEST(contains(withBar.err, "\r[##########"));
    BOOST_TEST(contains(withBar.out, "4 unchanged"));
}

BOOST_FIXTURE_TEST_CASE(usage_errors_exit_64_with_a_message, ImportFixture) {
    const Run none = import({});
    BOOST_TEST(none.status == 64);
    BOOST_TEST(contains(none.err, "name at least one case file or directory"));
    const Run missing = import({"/no/such/dir"});
    BOOST_TEST(missing.status == 64);
    BOOST_TEST(contains(missing.err, "no such case file or directory: /no/such/dir"));
    BOOST_TEST(import({"--help"}).status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
