#include <boost/program_options.hpp>
#include <iostream>

#include "case/Clock.h"
#include "case/Date.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "export/CaseScan.h"
#include "export/ExportException.h"
#include "export/KpiReport.h"
#include "export/KpiWorkbookWriter.h"
#include "export/SfExport.h"
#include "export/SfWorkbookWriter.h"
#include "rules/ProfileRegistry.h"

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

int runSf(const std::vector<std::string>& files, const po::variables_map& vm) {
    const Date asOf = vm.count("as-of") ? dateOption(vm, "as-of") : ukToday(systemClock());
    const std::string team = vm.count("team") ? vm["team"].as<std::string>() : "";
    SfExport data(ClaimAssessor(), asOf, team);
    const auto invalid =
        CaseScan().run(files, [&](const Case& kase, const std::string&) { data.add(kase); });
    for (const auto& bad : invalid) data.addInvalid(bad);
    reportInvalid(invalid);
    const std::string out = vm["output"].as<std::string>();
    SfWorkbookWriter::write(data, out);
    std::cerr << "ehdocs export sf: " << data.families().size() << " families on the programme ("
              << data.casesRead() << " case files read, " << invalid.size() << " invalid) as of "
              << asOf.iso() << " -> " << out << "\n";
    return kExitOk;
}

int runKpi(const std::vector<std::string>& files, const po::variables_map& vm) {
    if (!vm.count("from") || !vm.count("to")) throw Usage{"kpi needs --from and --to"};
    KpiPeriod period{dateOption(vm, "from"), dateOption(vm, "to")};
    if (period.to < period.from) throw Usage{"--to is before --from"};
    const std::string team = vm.count("team") ? vm["team"].as<std::string>() : "";
    // Allocation is judged against each case's own profile (time.allocation.limit).
    const rules::ProfileRegistry profiles = rules::ProfileRegistry::builtIn();
    KpiReport report(period, KpiStandards{}, team, profileAllocationLimit(profiles));
    const auto invalid =
        CaseScan().run(files, [&](const Case& kase, const std::string&) { report.add(kase); });
    for (const auto& bad : invalid) report.addInvalid(bad);
    reportInvalid(invalid);
    const std::string out = vm["output"].as<std::string>();
    KpiWorkbookWriter::write(report, out);
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
    }
}

}  // namespace ehdocs::cli
