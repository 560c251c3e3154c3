// `ehdocs check`: closure readiness and timeliness of one case, or a team summary of many
// (docs/cli.md, docs/rules.md). The rules themselves live in rules/; this file only reads
// arguments and files and prints.

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>
#include <optional>

#include "case/CaseReader.h"
#include "case/Clock.h"
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
    "Closure readiness and timeliness (docs/rules.md). A case with a closure section is\n"
    "checked as of its closure date; an open one as of --as-of (default today). The case's\n"
    "own `profile` applies unless --profile is given; `standard` when it names none.\n"
    "Exit status: 0 ready to close, 1 not ready, 2 a file is not a valid case, 64 usage.\n\n"
    "options";

struct Row {
    std::string file, caseId, family, leadWorker, profile;
    bool ready = false;
    size_t blocking = 0, late = 0, warnings = 0;
    std::vector<ValidationError> errors;  // set for an invalid file
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

// Every file named, and every `*.json` under each directory named, in name order.
std::vector<std::string> expand(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        Poco::File f(input);
        if (!f.exists() || !f.isDirectory()) {
            files.push_back(input);
            continue;
        }
        std::vector<std::string> found;
        for (Poco::DirectoryIterator it(f), end; it != end; ++it)
            if (it->isFile() && Poco::Path(it->path()).getExtension() == "json")
                found.push_back(it->path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

class Checker {
public:
    Checker(const rules::ProfileRegistry& registry, std::optional<std::string> profile, Date asOf)
        : _registry(registry), _profile(std::move(profile)), _asOf(asOf) {}

    // Throws ProfileException when the case names a profile that is not known.
    const rules::Profile& profileFor(const Case& kase) const {
        if (_profile) return _registry.get(*_profile);
        if (kase.profile.empty()) return _registry.get(rules::ProfileRegistry::kDefaultProfile);
        return _registry.get(kase.profile);
    }

    rules::CheckReport check(const Case& kase) const {
        return rules::checkClosure(kase, profileFor(kase), _asOf);
    }

private:
    const rules::ProfileRegistry& _registry;
    std::optional<std::string> _profile;
    Date _asOf;
};

int checkOne(const std::string& file, const Checker& checker, bool json) {
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

Row summarise(const std::string& file, const Checker& checker) {
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
    return row;
}

// Cases needing action first: invalid files, then not ready (most blocking first), then the
// most late; ties by case reference.
bool needsActionFirst(const Row& a, const Row& b) {
    bool ai = !a.errors.empty(), bi = !b.errors.empty();
    if (ai != bi) return ai;
    if (ai) return a.file < b.file;
    if (a.ready != b.ready) return !a.ready;
    if (a.blocking != b.blocking) return a.blocking > b.blocking;
    if (a.late != b.late) return a.late > b.late;
    return a.caseId < b.caseId;
}

int summary(const std::vector<std::string>& inputs, const Checker& checker, Date asOf, bool json) {
    std::vector<Row> rows;
    for (const std::string& file : expand(inputs)) rows.push_back(summarise(file, checker));
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
            cases->add(o);
        }
        out.set("cases", cases);
        out.set("invalid", invalid);
        out.stringify(std::cout);
        std::cout << "\n";
        return status;
    }

    std::cout << "Open cases as of " << asOf.uk() << "; closed cases as of their closure date.\n";
    std::cout << std::left << std::setw(20) << "CASE" << std::setw(16) << "FAMILY" << std::setw(20)
              << "LEAD WORKER" << std::setw(11) << "STATUS" << std::right << std::setw(9)
              << "BLOCKING" << std::setw(6) << "LATE"
              << "\n";
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
                  << std::setw(6) << r.late << "\n";
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
        "as-of", po::value<std::string>(), "check open cases as of DATE (YYYY-MM-DD)")(
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
    if (auto refused = refuseSpecialFiles("check", files, isSummary)) return *refused;
    Date asOf = ukToday(systemClock());
    if (vm.count("as-of")) {
        std::optional<Date> parsed = Date::parse(vm["as-of"].as<std::string>());
        if (!parsed) {
            std::cerr << "ehdocs check: --as-of \"" << vm["as-of"].as<std::string>()
                      << "\" is not a date; write YYYY-MM-DD, e.g. 2026-06-30\n";
            return kExitUsage;
        }
        asOf = *parsed;
    }

    try {
        rules::ProfileRegistry registry =
            vm.count("profiles")
                ? rules::ProfileRegistry::withDirectory(vm["profiles"].as<std::string>())
                : rules::ProfileRegistry::builtIn();
        std::optional<std::string> profile;
        if (vm.count("profile")) {
            profile = vm["profile"].as<std::string>();
            registry.get(*profile);  // an unknown --profile is a usage error before any file
        }
        Checker checker(registry, profile, asOf);
        if (isSummary) return summary(files, checker, asOf, json);
        return checkOne(files[0], checker, json);
    } catch (const rules::ProfileException& e) {
        std::cerr << "ehdocs check: " << e.message() << "\n";
        return kExitUsage;
    }
}

}  // namespace ehdocs::cli
