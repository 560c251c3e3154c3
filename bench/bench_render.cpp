// HTML rendering speed: the Okafor EHA (and every other type) rendered again and again on
// one core, from a case already in memory. Prints renders per CPU second (see
// docs/performance.md).
//
//   build/bench/bench_render [SECONDS_PER_TYPE]   (default 2)

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "case/CaseReader.h"
#include "render/DocumentRenderer.h"

namespace {

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Renders `type` until `seconds` of CPU time have passed; returns renders per CPU second.
double rate(const ehdocs::render::DocumentRenderer& renderer, const ehdocs::Case& kase,
            const std::string& type, const ehdocs::render::RenderOptions& options,
            double seconds, size_t* bytes) {
    size_t count = 0;
    double start = cpuSeconds(), now = start;
    while (now - start < seconds) {
        for (int i = 0; i < 50; ++i) *bytes = renderer.renderHtml(kase, type, options).size();
        count += 50;
        now = cpuSeconds();
    }
    return count / (now - start);
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    ehdocs::ReadResult read =
        ehdocs::CaseReader::fromFile(EHDOCS_SOURCE_DIR "/examples/okafor-ready-to-close.json");
    if (!read.ok()) {
        std::fprintf(stderr, "cannot read the Okafor example\n");
        return 1;
    }
    const ehdocs::Case& kase = *read.kase;
    double build = cpuSeconds();
    ehdocs::render::DocumentRenderer renderer(ehdocs::render::TemplateSet::builtIn());
    std::printf("renderer built (templates parsed) in %.1f ms CPU\n", (cpuSeconds() - build) * 1e3);

    ehdocs::render::RenderOptions options;
    options.producedOn = ehdocs::Date::parse("2026-06-26");
    std::printf("%-22s %12s %10s\n", "type", "renders/s", "bytes");
    for (const auto& request : renderer.applicable(kase, *options.producedOn)) {
        options.meeting = request.meeting;
        size_t bytes = 0;
        double r = rate(renderer, kase, request.type->id, options, seconds, &bytes);
        std::printf("%-22s %12.0f %10zu\n", request.name().c_str(), r, bytes);
    }
    return 0;
}
