// `ehdocs due`: what falls due across a caseload within a window, by lead worker
// (docs/cli.md). The dates come from the closure check's `due` (docs/rules.md, "What is due
// next"); this file only reads arguments and files and prints.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "case/CaseReader.h"
#include "cli/CaseChecker.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "rules/RulesException.h"

namespace po = boost::program_options;

namespace ehdocs::cli {
namespace {

const char* const kUsage =
    "usage: ehdocs due FILES_OR_DIRS... [--within DAYS] [--as-of DATE] [--json]\n\n"
    "What falls due on open cases within DAYS (default 14) of --as-of (default today), by lead\n"
    "worker, soonest first: next visits, reviews, supervision, case summaries, outstanding\n"
    "assessments and initial TAF meetings, plan review dates and the manager's targets\n"
    "(docs/rules.md). Closed cases have nothing due. Overdue work is what `ehdocs check`\n"
    "reports as late. Exit status: 0, 2 when a file is not a valid case, 64 usage.\n\n"
    "options";

constexpr long kMaxWithin = 3660;  // ten years: anything longer is a typing slip

struct Entry {
    std::string caseId, family;
    rules::DueItem item;
};

struct Caseload {
    std::map<std::string, std::vector<Entry>> byWorker;  // lead worker's name -> what is due
    std::vector<std::string> invalid;                    // files that are not valid cases
};

std::string leadWorkerName(const Case& kase) {
    const Worker* lead = kase.worker(kase.leadWorker);
    return lead ? lead->name : "(no lead worker)";
}

Caseload collect(const std::vector<std::string>& files, const CaseChecker& checker, Date until) {
    Caseload load;
    for (const std::string& file : files) {
        ReadResult result = CaseReader::fromFile(file);
        if (!result.ok()) {
            for (const ValidationError& e : result.errors)
                std::cerr << file << ": " << e.text() << "\n";
            load.invalid.push_back(file);
            continue;
        }
        const Case& kase = *result.kase;
        for (const rules::DueItem& item : checker.check(kase).due)
            if (item.due <= until)
                load.byWorker[leadWorkerName(kase)].push_back(
                    {kase.caseId, kase.family.familyName, item});
    }
    for (auto& [worker, entries] : load.byWorker)
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return a.item.due != b.item.due ? a.item.due < b.item.due : a.caseId < b.caseId;
        });
    return load;
}

void printJson(const Caseload& load, Date from, Date until) {
    Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
    out.set("as_of", from.iso());
    out.set("until", until.iso());
    Poco::JSON::Array::Ptr workers = new Poco::JSON::Array;
    for (const auto& [worker, entries] : load.byWorker) {
        Poco::JSON::Object::Ptr w = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        w->set("lead_worker", worker);
        Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
        for (const Entry& e : entries) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("case_id", e.caseId);
            o->set("family", e.family);
            o->set("rule", e.item.rule);
            o->set("due", e.item.due.iso());
            o->set("what", e.item.what);
            items->add(o);
        }
        w->set("due", items);
        workers->add(w);
    }
    out.set("workers", workers);
    Poco::JSON::Array::Ptr invalid = new Poco::JSON::Array;
    for (const std::string& f : load.invalid) invalid->add(f);
    out.set("invalid", invalid);
    out.stringify(std::cout);
    std::cout << "\n";
}

void printText(const Caseload& load, Date from, Date until, long within) {
    std::cout << "Due on open cases by " << until.uk() << " (within " << within << " days of "
              << from.uk() << "), by lead worker.\n";
    if (load.byWorker.empty()) std::cout << "\nNothing is due.\n";
    for (const auto& [worker, entries] : load.byWorker) {
        std::cout << "\n" << worker << " (" << entries.size() << ")\n";
        for (const Entry& e : entries)
            std::cout << "  " << e.item.due.iso() << "  " << e.caseId
                      << (e.family.empty() ? "" : " (" + e.family + ")") << ": " << e.item.what
                      << " [" << e.item.rule << "]\n";
    }
    for (const std::string& f : load.invalid)
        std::cout << f << ": not a valid case (`ehdocs validate` lists the errors)\n";
}

}  // namespace

int dueCommand(const Args& args) {
    po::options_description options(kUsage);
    options.add_options()("help,h", "show this help")(
        "within", po::value<long>()->default_value(14), "list what is due within DAYS")(
        "as-of", po::value<std::string>(), "the check date (YYYY-MM-DD), default today")(
        "profiles", po::value<std::string>(),
        "a directory of profile files (*.properties) adding to or replacing the built-in ones")(
        "json", "print one JSON object");
    CommandLine line;
    if (auto stop = parseCommandLine("due", args, options, line)) return *stop;
    const po::variables_map& vm = line.options;
    if (line.words.empty()) {
        std::cerr << "ehdocs due: name case files or directories\n\n" << options;
        return kExitUsage;
    }
    const long within = vm["within"].as<long>();
    if (within < 0 || within > kMaxWithin) {
        std::cerr << "ehdocs due: --within " << within << " is not allowed; give a number of days "
                  << "from 0 to " << kMaxWithin << "\n";
        return kExitUsage;
    }
    std::optional<Date> checkDate = checkDateOption("due", vm);
    if (!checkDate) return kExitUsage;
    const Date until = checkDate->plusDays(within);
    try {
        rules::ProfileRegistry registry = profilesOption(vm);
        CaseChecker checker(registry, std::nullopt, *checkDate);
        Caseload load = collect(expandCaseFiles(line.words), checker, until);
        if (vm.count("json"))
            printJson(load, *checkDate, until);
        else
            printText(load, *checkDate, until, within);
        return load.invalid.empty() ? kExitOk : kExitInvalidCase;
    } catch (const rules::ProfileException& e) {
        std::cerr << "ehdocs due: " << e.message() << "\n";
        return kExitUsage;
    }
}

}  // namespace ehdocs::cli
