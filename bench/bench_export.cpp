// Benchmark for `ehdocs export sf` (docs/performance.md, "Exports"): writes N case files to a
// temporary directory, then times reading them (CaseScan + claim readiness) and writing the
// whole workbook apart, reports peak memory, and compares writing the Families sheet alone
// with Debian's python3-xlsxwriter handed the very same values (bench/sf_families_writer.py).
//
// usage: bench_export [--families N] [--keep]      (default 10000)

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/CaseScan.h"
#include "export/SfExport.h"
#include "export/SfWorkbookWriter.h"
#include "export/XlsxWorkbook.h"

namespace fs = std::filesystem;
using namespace ehdocs;
using Clock = std::chrono::steady_clock;

namespace {

double cpuNow() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Six variants of the Okafor example, all on the programme, one per claim status.
std::vector<std::string> variants(const std::string& example) {
    std::vector<std::string> out;
    for (int v = 0; v < 6; ++v) {
        auto root = Poco::JSON::Parser().parse(example).extract<Poco::JSON::Object::Ptr>();
        auto sf = root->getObject("supporting_families");
        auto outcomes = sf->getArray("outcomes");
        switch (v) {
            case 0:
                break;  // outcomes_outstanding (health in progress)
            case 1: {   // all achieved: sustaining or claimable depending on the date
                auto health = outcomes->getObject(2);
                health->set("status", "achieved");
                health->set("achieved", "2026-05-01");
                break;
            }
            case 2: {  // claimable on continuous employment
                Poco::JSON::Object::Ptr job = new Poco::JSON::Object;
                job->set("member", "a1");
                job->set("started", "2026-01-05");
                job->set("continuous_until", "2026-08-31");
                sf->set("employment", job);
                break;
            }
            case 3: {
                Poco::JSON::Object::Ptr claim = new Poco::JSON::Object;
                claim->set("kind", "significant_and_sustained_progress");
                claim->set("submitted", "2026-06-01");
                claim->set("reference", "=PBR-1");
                sf->set("claim", claim);
                break;
            }
            case 4:
                sf->getArray("criteria")->remove(2);
                break;  // not_eligible
            case 5:
                sf->set("whole_family_plan", false);
                break;  // conditions_not_met
        }
        std::ostringstream text;
        root->stringify(text, 2);
        out.push_back(text.str());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int families = 10000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--families" && i + 1 < argc)
            families = std::stoi(argv[++i]);
        else if (arg == "--keep")
            keep = true;
        else {
            std::cerr << "usage: bench_export [--families N] [--keep]\n";
            return 64;
        }
    }
    const fs::path dir =
        fs::temp_directory_path() / ("ehdocs-bench-export-" + std::to_string(getpid()));
    fs::create_directories(dir / "cases");

    auto start = Clock::now();
    const auto templates =
        variants(readFile(EHDOCS_SOURCE_DIR "/examples/okafor-ready-to-close.json"));
    std::size_t bytes = 0;
    for (int i = 0; i < families; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "%06d", i);
        std::string text = templates[i % templates.size()];
        replaceAll(text, "NH-FF-2026-0142", std::string("BENCH-") + id);
        replaceAll(text, "Okafor", std::string("Fam") + id);
        bytes += text.size();
        std::ofstream(dir / "cases" / (std::string("case-") + id + ".json")) << text;
    }
    std::printf("generated %d case files (%.1f MB) in %.2f s (not counted)\n", families,
                bytes / 1e6, seconds(start));
    const long rssBefore = peakRssKb();

    // The export, as `ehdocs export sf DIR --as-of 2026-12-01 -o FILE` runs it.
    const auto total = Clock::now();
    const double totalCpu = cpuNow();
    start = Clock::now();
    double cpu = cpuNow();
    const auto files = CaseScan::expand({(dir / "cases").string()});
    SfExport data(ClaimAssessor(), *Date::parse("2026-12-01"));
    const auto invalid =
        CaseScan().run(files, [&](const Case& kase, const std::string&) { data.add(kase); });
    for (const auto& bad : invalid) data.addInvalid(bad);
    const double readSeconds = seconds(start), readCpu = cpuNow() - cpu;
    start = Clock::now();
    cpu = cpuNow();
    const std::string workbook = (dir / "export.xlsx").string();
    SfWorkbookWriter::write(data, workbook);
    const double writeSeconds = seconds(start), writeCpu = cpuNow() - cpu;
    const double totalSeconds = seconds(total), totalCpuSeconds = cpuNow() - totalCpu;
    const long peak = peakRssKb();

    std::printf("exported %zu families (%zu case files, %zu invalid), %zu evidence rows\n",
                data.families().size(), files.size(), invalid.size(), data.evidence().size());
    std::printf(
        "  (wall / CPU seconds; the CPU figure is what one core spent, whatever else runs)\n");
    std::printf("  reading case files + claim readiness: %.3f s / %.3f s\n", readSeconds, readCpu);
    std::printf("  writing the workbook (3 sheets):      %.3f s / %.3f s (%.1f MB)\n", writeSeconds,
                writeCpu, fs::file_size(workbook) / 1e6);
    std::printf("  total:                                %.3f s / %.3f s  (target <= 15 s)\n",
                totalSeconds, totalCpuSeconds);
    std::printf("  peak RSS: %.1f MB (%.1f MB before the export)   (target <= 150 MB)\n",
                peak / 1024.0, rssBefore / 1024.0);

    // Families sheet alone: ehdocs (libxlsxwriter) against python3-xlsxwriter, same values.
    // The Families rows, handed to the Python writer as the same values.
    const std::vector<SfFamilyRow>& rows = data.families();
    Poco::JSON::Object dump;
    Poco::JSON::Array header, values;
    for (const auto& h : SfWorkbookWriter::familiesHeader()) header.add(h);
    for (const auto& f : rows) {
        const ClaimReadiness& c = f.readiness;
        std::string headlines, reasons;
        for (const auto& h : c.headlines) headlines += (headlines.empty() ? "" : ", ") + h;
        for (const auto& r : c.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        Poco::JSON::Array row;
        for (const std::string& v :
             {f.caseId, f.family, f.team, f.leadWorker, f.framework,
              f.attached ? f.attached->iso() : std::string(), headlines,
              std::string(c.eligible ? "Yes" : "No"), std::string(c.conditionsMet ? "Yes" : "No"),
              std::string(claimStatusId(c.status)), c.claimKind,
              c.claimableFrom ? c.claimableFrom->iso() : std::string(), reasons})
            row.add(v);
        values.add(row);
    }
    dump.set("header", header);
    dump.set("rows", values);
    const fs::path rowsJson = dir / "families.json";
    {
        std::ofstream out(rowsJson);
        dump.stringify(out);
    }

    // Families sheet alone, both memory modes, best of three runs for each writer (the
    // machine may be shared): wall-clock and CPU seconds.
    std::printf("Families sheet alone, %zu rows, best of 3 (wall / CPU):\n", rows.size());
    for (const bool constantMemory : {false, true}) {
        double cSeconds = 1e9, cCpu = 1e9;
        for (int run = 0; run < 3; ++run) {
            start = Clock::now();
            const double cpu = cpuNow();
            XlsxOptions options;
            options.constantMemory = constantMemory;
            XlsxWorkbook book((dir / "families-c.xlsx").string(), options);
            SfWorkbookWriter::writeFamilies(book, rows);
            book.close();
            cSeconds = std::min(cSeconds, seconds(start));
            cCpu = std::min(cCpu, cpuNow() - cpu);
        }
        const std::string command = "/usr/bin/python3 " EHDOCS_SOURCE_DIR
                                    "/bench/sf_families_writer.py " +
                                    rowsJson.string() + " " + (dir / "families-py.xlsx").string() +
                                    (constantMemory ? " constant" : " memory");
        double pySeconds = -1, pyCpu = -1;
        if (FILE* pipe = popen(command.c_str(), "r")) {
            if (std::fscanf(pipe, "%lf %lf", &pySeconds, &pyCpu) != 2) pySeconds = -1;
            pclose(pipe);
        }
        std::printf("  %s mode:\n", constantMemory ? "constant-memory" : "in-memory");
        std::printf("    ehdocs (libxlsxwriter 1.1.4): %.3f s / %.3f s\n", cSeconds, cCpu);
        if (pySeconds > 0)
            std::printf(
                "    python3-xlsxwriter 3.0.2:     %.3f s / %.3f s -> ehdocs %.1fx / %.1fx "
                "faster (target >= 5x)\n",
                pySeconds, pyCpu, pySeconds / cSeconds, pyCpu / cCpu);
        else
            std::printf("    python3-xlsxwriter: could not run %s\n", command.c_str());
    }

    if (keep)
        std::printf("kept %s\n", dir.c_str());
    else
        fs::remove_all(dir);
    return 0;
}
