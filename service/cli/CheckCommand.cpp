// `ehdocs check`: closure readiness and timeliness of one case, or a team summary of many
// (docs/cli.md, docs/rules.md). The rules themselves live in rules/; this file only reads
// arguments and files and prints.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>
#include <optional>

#include "case/CaseReader.h"
#include "cli/CaseChecker.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"
#include "rules/ReportJson.h"
#include "rules/ReportText.h"
#include "rules/RulesException.h"

namespace po = boost::program_options;

namespace ehdocs::cli {
namespace {

const char* const kUsage =
    "usage: ehdocs check FILE [--profile ID] [--as-of DATE] [--json]\n"
    "       ehdocs check FILES_OR_DIRS... --summary [--as-of DATE] [--json]\n\n"
    "Closure readiness and timeliness (docs/rules.md), checked on --as-of (default today).\n"
    "Record rules count everything dated on or before that day; timescales are measured to\n"
    "it, or to the closure date when that is earlier. The case's own `profile` applies\n"
    "unless --profile is given; `standard` when it names none.\n"
    "Exit status: 0 ready to close, 1 not ready, 2 a file is not a valid case, 64 usage.\n\n"
    "options";

struct Row {
    std::string file, caseId, family, leadWorker, profile;
    bool ready = false;
    size_t blocking = 0, late = 0, warnings = 0;
    std::optional<rules::DueItem> nextDue;  // open cases: the soonest thing due
    std::vector<ValidationError> errors;    // set for an invalid file
};

void printErrors(const std::string& file, const std::vector<ValidationError>& errors) {
    for (const ValidationError& e : errors) std::cerr << file << ": " << e.text() << "\n";
}

Poco::JSON::Array::Ptr errorsJson(const std::vector<ValidationError>& errors) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const ValidationError& e : errors) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("path", e.path);
        o->set("message", e.message);
        array->add(o);
    }
    return array;
}

int checkOne(const std::string& file, const CaseChecker& checker, bool json) {
    ReadResult result = CaseReader::fromFile(file);
    if (!result.ok()) {
        printErrors(file, result.errors);
        if (json) {
            Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
            out.set("file", file);
            out.set("valid", false);
            out.set("errors", errorsJson(result.errors));
            out.stringify(std::cout);
            std::cout << "\n";
        }
        return kExitInvalidCase;
    }
    rules::CheckReport report = checker.check(*result.kase);
    if (json)
        std::cout << rules::reportToJsonText(report) << "\n";
    else
        std::cout << rules::reportToText(report, *result.kase);
    return report.readyToClose ? kExitOk : kExitNotReady;
}

Row summarise(const std::string& file, const CaseChecker& checker) {
    Row row;
    row.file = file;
    ReadResult result = CaseReader::fromFile(file);
    if (!result.ok()) {
        row.errors = result.errors;
        return row;
    }
    const Case& kase = *result.kase;
    rules::CheckReport report = checker.check(kase);
    row.caseId = kase.caseId;
    row.family = kase.family.familyName;
    const Worker* lead = kase.worker(kase.leadWorker);
    row.leadWorker = lead ? lead->name : "";
    row.profile = report.profile;
    row.ready = report.readyToClose;
    row.blocking = report.blocking.size();
    row.warnings = report.warnings.size();
    for (const rules::Finding& f : report.warnings)
        if (rules::isTimeliness(f)) ++row.late;
    if (!report.due.empty()) row.nextDue = report.due.front();
    return row;
}

// Cases needing action first: invalid files, then overdue (the most late first), then what is
// due soonest (cases with nothing due after), then not ready (most blocking first); ties by
// case reference.
bool needsActionFirst(const Row& a, const Row& b) {
    bool ai = !a.errors.empty(), bi = !b.errors.empty();
    if (ai != bi) return ai;
    if (ai) return a.file < b.file;
    if (a.late != b.late) return a.late > b.late;
    if (a.nextDue.has_value() != b.nextDue.has_value()) return a.nextDue.has_value();
    if (a.nextDue && a.nextDue->due != b.nextDue->due) return a.nextDue->due < b.nextDue->due;
    if (a.ready != b.ready) return !a.ready;
    if (a.blocking != b.blocking) return a.blocking > b.blocking;
    return a.caseId < b.caseId;
}

Poco::Dynamic::Var dueJson(const std::optional<rules::DueItem>& item) {
    if (!item) return Poco::Dynamic::Var();
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("rule", item->rule);
    o->set("due", item->due.iso());
    o->set("what", item->what);
    return o;
}

int summary(const std::vector<std::string>& inputs, const CaseChecker& checker, bool json) {
    const Date asOf = checker.checkDate();
    std::vector<Row> rows;
    for (const std::string& file : expandCaseFiles(inputs))
        rows.push_back(summarise(file, checker));
    std::stable_sort(rows.begin(), rows.end(), needsActionFirst);

    int status = kExitOk;
    for (const Row& r : rows) {
        if (!r.errors.empty())
            status = kExitInvalidCase;
        else if (!r.ready && status == kExitOk)
            status = kExitNotReady;
    }

    if (json) {
        Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
        out.set("as_of", asOf.iso());
        Poco::JSON::Array::Ptr cases = new Poco::JSON::Array, invalid = new Poco::JSON::Array;
        for (const Row& r : rows) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("file", r.file);
            if (!r.errors.empty()) {
                o->set("errors", errorsJson(r.errors));
                invalid->add(o);
                continue;
            }
            o->set("case_id", r.caseId);
            o->set("family", r.family);
            o->set("lead_worker", r.leadWorker);
            o->set("profile", r.profile);
            o->set("ready_to_close", r.ready);
            o->set("blocking", static_cast<int>(r.blocking));
            o->set("late", static_cast<int>(r.late));
            o->set("warnings", static_cast<int>(r.warnings));
            o->set("next_due", dueJson(r.nextDue));
            cases->add(o);
        }
        out.set("cases", cases);
        out.set("invalid", invalid);
        out.stringify(std::cout);
        std::cout << "\n";
        return status;
    }

    std::cout << "Checked on " << asOf.uk()
              << "; closed cases' timescales measured to their closure date.\n";
    std::cout << std::left << std::setw(20) << "CASE" << std::setw(16) << "FAMILY" << std::setw(20)
              << "LEAD WORKER" << std::setw(11) << "STATUS" << std::right << std::setw(9)
              << "BLOCKING" << std::setw(6) << "LATE"
              << "  NEXT DUE\n";
    for (const Row& r : rows) {
        if (!r.errors.empty()) {
            std::cout << r.file << ": not a valid case (" << r.errors.size()
                      << (r.errors.size() == 1 ? " error" : " errors")
                      << "; `ehdocs validate` lists them)\n";
            continue;
        }
        std::cout << std::left << std::setw(20) << r.caseId << std::setw(16) << r.family
                  << std::setw(20) << r.leadWorker << std::setw(11)
                  << (r.ready ? "ready" : "not ready") << std::right << std::setw(9) << r.blocking
                  << std::setw(6) << r.late << "  "
                  << (r.nextDue ? r.nextDue->due.iso() + " " + r.nextDue->what : "-") << "\n";
    }
    return status;
}

}  // namespace

int checkCommand(const Args& args) {
    po::options_description options(kUsage);
    options.add_options()("help,h", "show this help")(
        "profile", po::value<std::string>(), "apply this practice profile instead of the case's")(
        "profiles", po::value<std::string>(),
        "a directory of profile files (*.properties) adding to or replacing the built-in ones")(
        "as-of", po::value<std::string>(), "the check date (YYYY-MM-DD), default today")(
        "json", "print JSON (the spec's report object; with --summary, one object of rows)")(
        "summary", "one line per case, the cases needing action first");
    CommandLine line;
    if (auto stop = parseCommandLine("check", args, options, line)) return *stop;
    const po::variables_map& vm = line.options;
    const std::vector<std::string>& files = line.words;
    bool isSummary = vm.count("summary") > 0, json = vm.count("json") > 0;
    if (files.empty() || (!isSummary && files.size() != 1)) {
        std::cerr << "ehdocs check: name one case file, or several files and directories with "
                     "--summary\n\n"
                  << options;
        return kExitUsage;
    }
    std::optional<Date> checkDate = checkDateOption("check", vm);
    if (!checkDate) return kExitUsage;

    try {
        rules::ProfileRegistry registry = profilesOption(vm);
        std::optional<std::string> profile;
        if (vm.count("profile")) {
            profile = vm["profile"].as<std::string>();
            registry.get(*profile);  // an unknown --profile is a usage error before any file
        }
        CaseChecker checker(registry, profile, *checkDate);
        if (isSummary) return summary(files, checker, json);
        return checkOne(files[0], checker, json);
    } catch (const rules::ProfileException& e) {
        std::cerr << "ehdocs check: " << e.message() << "\n";
        return kExitUsage;
    }
}

}  // namespace ehdocs::cli
