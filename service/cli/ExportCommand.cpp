#include <boost/program_options.hpp>
#include <iostream>

#include "case/Clock.h"
#include "case/Date.h"
#include "cli/CaseChecker.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "export/CaseScan.h"
#include "export/ExportException.h"
#include "export/KpiWorkbookExport.h"
#include "export/SfWorkbookExport.h"
#include "rules/ProfileRegistry.h"
#include "rules/RulesException.h"

namespace po = boost::program_options;

namespace ehdocs::cli {
namespace {

const char* kUsage =
    "usage: ehdocs export sf CASES... [--as-of DATE] [--team TEAM] -o FILE.xlsx\n"
    "       ehdocs export kpi CASES... --from DATE --to DATE [--team TEAM] -o FILE.xlsx\n\n"
    "Writes a workbook from case files (a directory stands for its *.json files):\n"
    "  sf   Supporting Families claim readiness: sheets Families, Evidence, Summary\n"
    "  kpi  the Performance Framework KPIs for the period, with charts\n"
    "Invalid case files are listed on stderr and in the workbook; the rest are exported.\n"
    "See docs/exports.md. Exit status: 0 written, 64 usage, 70 the workbook could not\n"
    "be written.\n\noptions";

struct Usage {
    std::string message;
};

Date dateOption(const po::variables_map& vm, const char* name) {
    const auto parsed = Date::parse(vm[name].as<std::string>());
    if (!parsed)
        throw Usage{std::string("--") + name + " \"" + vm[name].as<std::string>() +
                    "\" is not a date (YYYY-MM-DD)"};
    return *parsed;
}

void reportInvalid(const std::vector<InvalidCaseFile>& invalid) {
    for (const auto& bad : invalid)
        for (const auto& error : bad.errors)
            std::cerr << "ehdocs export: skipped " << bad.path << ": " << error << "\n";
}

// The case files read (a batch at a time, on every core) into `out` in their order, the
// invalid ones listed in it and on stderr, then the workbook written: the same streamed
// export the service runs over its store.
std::vector<InvalidCaseFile> runExport(WorkbookExport& out, const std::vector<std::string>& files) {
    const auto invalid =
        CaseScan().run(files, [&](const Case& kase, const std::string&) { out.add(kase); });
    for (const auto& bad : invalid) out.addInvalid(bad);
    reportInvalid(invalid);
    out.finish();
    return invalid;
}

int runSf(const std::vector<std::string>& files, const po::variables_map& vm) {
    const Date asOf = vm.count("as-of") ? dateOption(vm, "as-of") : ukToday(systemClock());
    const std::string team = vm.count("team") ? vm["team"].as<std::string>() : "";
    const std::string out = vm["output"].as<std::string>();
    SfWorkbookExport data(out, ClaimAssessor(), asOf, team);
    const auto invalid = runExport(data, files);
    std::cerr << "ehdocs export sf: " << data.families() << " families on the programme ("
              << data.casesRead() << " case files read, " << invalid.size() << " invalid) as of "
              << asOf.iso() << " -> " << out << "\n";
    return kExitOk;
}

int runKpi(const std::vector<std::string>& files, const po::variables_map& vm) {
    if (!vm.count("from") || !vm.count("to")) throw Usage{"kpi needs --from and --to"};
    KpiPeriod period{dateOption(vm, "from"), dateOption(vm, "to")};
    if (period.to < period.from) throw Usage{"--to is before --from"};
    const std::string team = vm.count("team") ? vm["team"].as<std::string>() : "";
    // Each case is judged by its own profile's standards, from the configured profiles.
    const rules::ProfileRegistry profiles = profilesOption(vm);
    const std::string out = vm["output"].as<std::string>();
    KpiWorkbookExport report(out, period, team, profileStandards(profiles));
    const auto invalid = runExport(report, files);
    std::cerr << "ehdocs export kpi: " << report.casesRead() << " case files read ("
              << invalid.size() << " invalid), " << period.from.iso() << " to " << period.to.iso()
              << " -> " << out << "\n";
    return kExitOk;
}

}  // namespace

int exportCommand(const Args& args) {
    po::options_description options(kUsage);
    options.add_options()("help,h", "show this help")("output,o", po::value<std::string>(),
                                                      "the workbook to write (.xlsx)")(
        "as-of", po::value<std::string>(), "sf: the date claims are judged on (default today)")(
        "from", po::value<std::string>(), "kpi: first day of the period")(
        "to", po::value<std::string>(), "kpi: last day of the period")(
        "profiles", po::value<std::string>(),
        "kpi: a directory of practice profiles (*.properties), as for check")(
        "team", po::value<std::string>(),
        "only cases of this team (service.team or the lead "
        "worker's team; any case and spacing)");
    po::options_description hidden;
    hidden.add_options()("what", po::value<std::string>())("case",
                                                           po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("what", 1).add("case", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    } catch (const po::error& e) {
        std::cerr << "ehdocs export: " << e.what() << "\n\n" << options;
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << options;
        return kExitOk;
    }
    try {
        if (!vm.count("what")) throw Usage{"say what to export: sf or kpi"};
        const std::string what = vm["what"].as<std::string>();
        if (what != "sf" && what != "kpi")
            throw Usage{"unknown export \"" + what + "\" (sf or kpi)"};
        if (!vm.count("case")) throw Usage{"name at least one case file or directory"};
        if (!vm.count("output")) throw Usage{"name the workbook to write with -o FILE.xlsx"};
        if (what == "sf" && (vm.count("from") || vm.count("to")))
            throw Usage{"--from and --to are for kpi; sf takes --as-of"};
        if (what == "kpi" && vm.count("as-of"))
            throw Usage{"--as-of is for sf; kpi takes --from and --to"};
        if (auto refused =
                refuseSpecialFiles("export", vm["case"].as<std::vector<std::string>>(), true)) {
            return *refused;
        }
        std::vector<std::string> files;
        try {
            files = CaseScan::expand(vm["case"].as<std::vector<std::string>>());
        } catch (const ExportException& e) {
            throw Usage{e.message()};
        }
        return what == "sf" ? runSf(files, vm) : runKpi(files, vm);
    } catch (const Usage& usage) {
        std::cerr << "ehdocs export: " << usage.message << "\n\n" << options;
        return kExitUsage;
    } catch (const ExportException& e) {
        std::cerr << "ehdocs export: " << e.message() << "\n";
        return kExitRenderFailed;
    } catch (const rules::ProfileException& e) {
        std::cerr << "ehdocs export: " << e.message() << "\n";
        return kExitUsage;
    }
}

}  // namespace ehdocs::cli
