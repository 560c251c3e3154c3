#pragma once

// Request counters and latency histograms, written in the Prometheus text format (0.0.4):
//   ehdocs_http_requests_total{route,status}          counter
//   ehdocs_http_request_duration_seconds{route}       histogram
//   ehdocs_renderer_busy / ehdocs_renderer_queued     gauges (PDF engines working / waiting)
//   ehdocs_cases_stored                               gauge
// `route` is the route pattern (`/api/v1/cases/{id}`), never the raw path, so case ids do not
// leak into metrics and the series stay few. Thread-safe.

#include <array>
#include <map>
#include <mutex>
#include <string>

namespace ehdocs::http {

struct Gauges {
    int rendererBusy = 0;
    int rendererQueued = 0;
    std::size_t casesStored = 0;
};

class Metrics {
public:
    void observe(const std::string& route, int status, double seconds);
    std::string prometheus(const Gauges& gauges) const;

private:
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1,    2.5,   5};
    struct Histogram {
        std::array<unsigned long long, kBuckets.size()> counts{};  // per bucket, not cumulative
        unsigned long long count = 0;
        double sum = 0;
    };

    mutable std::mutex _mutex;
    std::map<std::pair<std::string, int>, unsigned long long> _requests;
    std::map<std::string, Histogram> _latency;
};

}  // namespace ehdocs::http
