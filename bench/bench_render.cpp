// Rendering speed, HTML and PDF, side by side in one run (see docs/performance.md).
//
//   build/bench/bench_render [SECONDS_PER_TYPE] [LETTERS]     (defaults 2 and 200)
//
// HTML: every document that applies to the Okafor example, rendered again and again on one core
// from the case in memory; renders per CPU second (the machine is shared, so CPU time is the
// steadier figure).
// PDF: LETTERS one-page closure letters (Okafor) through the WkhtmltopdfPool (one process per
// core), then through one wkhtmltopdf process per letter, with its default flags and with ours
// (WkhtmltopdfProcess: our flags and the sandbox). Each PDF run has as many client threads as
// the pool has processes, and is timed by the wall clock; the pool's processes are started
// before timing (they live as long as the service).

#include <Poco/DirectoryIterator.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "case/CaseReader.h"
#include "pdf/PdfStamper.h"
#include "pdf/WkhtmltopdfPool.h"
#include "pdf/WkhtmltopdfProcess.h"
#include "render/DocumentRenderer.h"

using namespace ehdocs;
using Clock = std::chrono::steady_clock;

namespace {

double cpuSeconds(int who = RUSAGE_SELF) {
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds used so far by the processes in `roots` and their descendants, from /proc (the
// pool's engines are still running, so getrusage cannot see them).
double treeCpuSeconds(const std::vector<int>& roots) {
    std::map<int, std::pair<int, long>> processes;  // pid -> (parent, ticks)
    Poco::DirectoryIterator end;
    for (Poco::DirectoryIterator it(std::string("/proc")); it != end; ++it) {
        if (it.name().find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat("/proc/" + it.name() + "/stat");
        std::string line;
        if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
        std::istringstream fields(line.substr(line.rfind(')') + 2));
        std::string state;
        int parent = 0;
        long skip = 0, user = 0, system = 0;
        fields >> state >> parent;
        for (int i = 0; i < 9; ++i) fields >> skip;
        fields >> user >> system;
        processes[std::stoi(it.name())] = {parent, user + system};
    }
    long ticks = 0;
    for (const auto& [pid, entry] : processes) {
        for (int p = pid; p > 1;) {
            if (std::find(roots.begin(), roots.end(), p) != roots.end()) {
                ticks += entry.second;
                break;
            }
            auto found = processes.find(p);
            if (found == processes.end()) break;
            p = found->second.first;
        }
    }
    return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

struct Rate {
    double perWallSecond = 0;
    double perCpuSecond = 0;  // this process and the engines together
};

// Renders `type` until `seconds` of CPU time have passed; returns renders per CPU second.
double htmlRate(const render::DocumentRenderer& renderer, const Case& kase, const std::string& type,
                const render::RenderOptions& options, double seconds, size_t* bytes) {
    size_t count = 0;
    double start = cpuSeconds(), now = start;
    while (now - start < seconds) {
        for (int i = 0; i < 50; ++i) *bytes = renderer.renderHtml(kase, type, options).size();
        count += 50;
        now = cpuSeconds();
    }
    return count / (now - start);
}

// Runs `one(i)` for i in [0, count) from `threads` threads; returns documents per wall second
// and per CPU second (`engineCpu` gives the engines' CPU seconds so far).
Rate pdfRate(int count, std::size_t threads, const std::function<void(int)>& one,
             const std::function<double()>& engineCpu) {
    std::atomic<int> next{0};
    const double cpuStart = cpuSeconds() + engineCpu();
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (int i = next++; i < count; i = next++) one(i);
        });
    }
    for (std::thread& w : workers) w.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpu = cpuSeconds() + engineCpu() - cpuStart;
    return {count / seconds, count / cpu};
}

// The baseline: `wkhtmltopdf in.html out.pdf` with the engine's default flags (only the Qt
// platform set, as it cannot run without a display otherwise).
void bareEngine(const std::string& dir, int i, const std::string& html) {
    const std::string in = dir + "/letter-" + std::to_string(i) + ".html";
    const std::string out = dir + "/letter-" + std::to_string(i) + ".pdf";
    std::ofstream(in, std::ios::binary) << html;
    Poco::Pipe output;
    Poco::ProcessHandle handle =
        Poco::Process::launch("wkhtmltopdf", {"-q", in, out}, "", nullptr, &output, &output,
                              {{"QT_QPA_PLATFORM", "offscreen"}, {"XDG_RUNTIME_DIR", dir}});
    Poco::PipeInputStream stream(output);
    std::string ignored;
    Poco::StreamCopier::copyToString(stream, ignored);
    if (handle.wait() != 0) std::fprintf(stderr, "wkhtmltopdf failed on letter %d\n", i);
    std::remove(in.c_str());
    std::remove(out.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    const int letters = argc > 2 ? std::atoi(argv[2]) : 200;
    ReadResult read =
        CaseReader::fromFile(EHDOCS_SOURCE_DIR "/examples/okafor-ready-to-close.json");
    if (!read.ok()) {
        std::fprintf(stderr, "cannot read the Okafor example\n");
        return 1;
    }
    const Case& kase = *read.kase;
    double build = cpuSeconds();
    render::DocumentRenderer renderer(render::TemplateSet::builtIn());
    std::printf("renderer built (templates parsed) in %.1f ms CPU\n", (cpuSeconds() - build) * 1e3);
    std::ifstream loadavg("/proc/loadavg");
    std::string load;
    std::getline(loadavg, load);
    std::printf("load average at start: %s\n", load.c_str());

    render::RenderOptions options;
    options.producedOn = Date::parse("2026-06-26");
    std::printf("\nHTML, one core, renders per CPU second\n");
    std::printf("%-22s %12s %10s\n", "type", "renders/s", "bytes");
    double ehaRate = 0;
    for (const auto& request : renderer.applicable(kase, *options.producedOn)) {
        options.meeting = request.meeting;
        size_t bytes = 0;
        double r = htmlRate(renderer, kase, request.type->id, options, seconds, &bytes);
        if (request.type->id == "eha") ehaRate = r;
        std::printf("%-22s %12.0f %10zu\n", request.name().c_str(), r, bytes);
    }
    options.meeting.clear();

    // PDF: the closure letter, one page, no marking (a family letter).
    PdfSettings settings;  // pool size: the number of cores
    WkhtmltopdfPool pool(settings);
    const std::size_t threads = pool.stats().size;
    std::vector<std::thread> warm;
    for (std::size_t t = 0; t < threads; ++t) {
        warm.emplace_back([&] { renderer.renderPdf(kase, "closure_letter", options, pool); });
    }
    for (std::thread& w : warm) w.join();
    const std::string sample = renderer.renderPdf(kase, "closure_letter", options, pool);
    const int pages = PdfStamper::pageCount("closure_letter", sample);

    const std::vector<int> engines = pool.processIds();
    const Rate poolRate = pdfRate(
        letters, threads, [&](int) { renderer.renderPdf(kase, "closure_letter", options, pool); },
        [&] { return treeCpuSeconds(engines); });
    const auto children = [] { return cpuSeconds(RUSAGE_CHILDREN); };

    const int fewer = std::max(letters / 4, static_cast<int>(4 * threads));
    char dirTemplate[] = "/tmp/ehdocs-bench-XXXXXX";
    const std::string dir = ::mkdtemp(dirTemplate);
    const Rate bareRate = pdfRate(
        fewer, threads,
        [&](int i) { bareEngine(dir, i, renderer.renderHtml(kase, "closure_letter", options)); },
        children);
    ::rmdir(dir.c_str());

    WkhtmltopdfProcess oneShot(settings);
    const Rate oursRate = pdfRate(
        fewer, threads, [&](int) { renderer.renderPdf(kase, "closure_letter", options, oneShot); },
        children);

    std::printf(
        "\nPDF: closure letter (%d page%s, %zu bytes), %zu client threads, %zu cores, "
        "sandbox %s\n",
        pages, pages == 1 ? "" : "s", sample.size(), threads,
        static_cast<std::size_t>(std::thread::hardware_concurrency()),
        pool.sandboxed() ? "bubblewrap" : "proxy only");
    const double cores = static_cast<double>(threads);
    std::printf("%-50s %10s %10s %8s\n", "", "letters/s", "per CPU s", "letters");
    const auto row = [](const char* what, const Rate& rate, int count) {
        std::printf("%-50s %10.1f %10.1f %8d\n", what, rate.perWallSecond, rate.perCpuSecond,
                    count);
    };
    row("through the pool (long-lived wkhtmltopdf)", poolRate, letters);
    row("one wkhtmltopdf per letter, its default flags", bareRate, fewer);
    row("one wkhtmltopdf per letter, our flags + sandbox", oursRate, fewer);

    std::printf(
        "\nSummary (wall clock; in brackets: %.0f cores x letters per CPU second, the\n"
        "rate an otherwise idle machine would reach)\n",
        cores);
    std::printf("  Okafor EHA, HTML renders per CPU second (target >= 2000): %.0f\n", ehaRate);
    std::printf("  closure letters/s through the pool (target >= 40):        %.1f  [%.1f]\n",
                poolRate.perWallSecond, cores * poolRate.perCpuSecond);
    std::printf("  pool / one process per letter, default flags (>= 5x):     %.1fx [%.1fx]\n",
                poolRate.perWallSecond / bareRate.perWallSecond,
                poolRate.perCpuSecond / bareRate.perCpuSecond);
    std::printf("  pool / one process per letter, our flags + sandbox:       %.1fx [%.1fx]\n",
                poolRate.perWallSecond / oursRate.perWallSecond,
                poolRate.perCpuSecond / oursRate.perCpuSecond);
    const PdfPoolStats stats = pool.stats();
    std::printf("  pool: %llu rendered, %llu failed, %llu restarts\n",
                static_cast<unsigned long long>(stats.rendered),
                static_cast<unsigned long long>(stats.failed),
                static_cast<unsigned long long>(stats.restarts));
    return 0;
}
