// bench_check: closure checks from disk on one core, parsing included (docs/performance.md).
//
//   bench_check [COUNT] [DIR]
//
// Writes COUNT case files (variations of the two shared examples: different ids, names and
// dates, records removed or left in draft) into DIR (default: a new temporary directory),
// then reads, validates and checks every one of them in turn, and prints cases per second,
// the rate of the reader alone on the Okafor file (the ceiling) and the peak memory.

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "case/CaseReader.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"

using namespace ehdocs;
using Clock = std::chrono::steady_clock;
using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;

namespace {

std::string readFile(const std::string& path) {
    Poco::FileInputStream in(path);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Wall-clock and CPU seconds since a mark. The machine is shared, so the CPU figure (this
// process's user + system time) is the one to compare between runs.
struct Mark {
    Clock::time_point wall = Clock::now();
    double cpu = cpuSeconds();
    static double cpuSeconds() {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    double wallSeconds() const {
        return std::chrono::duration<double>(Clock::now() - wall).count();
    }
    double cpuSecondsSince() const { return cpuSeconds() - cpu; }
};

// Variation `i` of one of the examples: a new case id and family name, and every few cases a
// record removed or a note left in draft, so that the checks take different paths.
std::string variation(const std::string& exampleText, int i) {
    ObjectPtr root = Poco::JSON::Parser().parse(exampleText).extract<ObjectPtr>();
    root->set("case_id", "BENCH-" + std::to_string(i));
    root->getObject("family")->set("family_name", "Family" + std::to_string(i));
    if (i % 3 == 1 && root->has("feedback")) root->remove("feedback");
    if (i % 5 == 2) root->getArray("contacts")->getObject(0)->set("status", "draft");
    if (i % 7 == 3) root->remove("closure");
    if (i % 11 == 4) root->set("profile", "barnet-0-19");
    std::ostringstream out;
    root->stringify(out);
    return out.str();
}

}  // namespace

int main(int argc, char** argv) {
    int count = argc > 1 ? std::stoi(argv[1]) : 10000;
    std::string source = EHDOCS_SOURCE_DIR;
    std::string okafor = source + "/examples/okafor-ready-to-close.json";
    std::vector<std::string> examples = {readFile(okafor),
                                         readFile(source + "/examples/bennett-disengaged.json")};

    Poco::TemporaryFile tmp;
    std::string dir = argc > 2 ? argv[2] : tmp.path();
    Poco::File(dir).createDirectories();
    std::vector<std::string> files;
    for (int i = 0; i < count; ++i) {
        std::string path = Poco::Path(dir, "case-" + std::to_string(i) + ".json").toString();
        // Okafor (the larger file, 27 KB) three times in four.
        Poco::FileOutputStream(path) << variation(examples[i % 4 == 3 ? 1 : 0], i);
        files.push_back(path);
    }
    long rssAfterWriting = peakRssKiB();

    rules::ProfileRegistry registry = rules::ProfileRegistry::builtIn();
    Date asOf = *Date::parse("2026-11-23");

    // The ceiling: the case reader alone on the Okafor file.
    int readerRuns = 2000;
    Mark mark;
    for (int i = 0; i < readerRuns; ++i)
        if (!CaseReader::fromFile(okafor).ok()) return 1;
    double readerRate = readerRuns / mark.cpuSecondsSince();

    // The check alone on an already-read Okafor case.
    Case kase = *CaseReader::fromFile(okafor).kase;
    int checkRuns = 20000;
    mark = Mark();
    size_t findings = 0;
    for (int i = 0; i < checkRuns; ++i)
        findings += rules::checkClosure(kase, registry.get("newham-ffs"), asOf).warnings.size();
    double checkOnlyRate = checkRuns / mark.cpuSecondsSince();

    // The same files read and validated but not checked: the ceiling for this mix.
    mark = Mark();
    for (const std::string& file : files)
        if (!CaseReader::fromFile(file).ok()) return 1;
    double readAllRate = count / mark.cpuSecondsSince();

    // From disk: read, validate, check.
    int ready = 0, invalid = 0;
    mark = Mark();
    for (const std::string& file : files) {
        ReadResult result = CaseReader::fromFile(file);
        if (!result.ok()) {
            ++invalid;
            continue;
        }
        const Case& c = *result.kase;
        const rules::Profile& profile = registry.get(c.profile.empty() ? "standard" : c.profile);
        if (rules::checkClosure(c, profile, asOf).readyToClose) ++ready;
    }
    double wall = mark.wallSeconds(), cpu = mark.cpuSecondsSince();

    std::printf("cases checked from disk:        %d (%d ready, %d not ready, %d invalid)\n", count,
                ready, count - ready - invalid, invalid);
    std::printf(
        "from disk, parse + check:       %.0f cases per CPU second (%.0f per wall second)\n",
        count / cpu, count / wall);
    std::printf(
        "reader alone, the same files:   %.0f cases per CPU second (the ceiling; check "
        "costs %.0f%%)\n",
        readAllRate, 100.0 * (readAllRate / (count / cpu) - 1));
    std::printf("reader alone, Okafor file:      %.0f reads per CPU second (the ceiling)\n",
                readerRate);
    std::printf("check alone, Okafor in memory:  %.0f checks per CPU second (%zu findings)\n",
                checkOnlyRate, findings);
    std::printf("peak RSS after writing files:   %ld KiB\n", rssAfterWriting);
    std::printf("peak RSS at the end:            %ld KiB\n", peakRssKiB());
    if (argc <= 2) Poco::File(dir).remove(true);
    return invalid == 0 ? 0 : 1;
}
