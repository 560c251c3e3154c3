#include "http/Metrics.h"

#include <sstream>

namespace ehdocs::http {

void Metrics::observe(const std::string& route, int status, double seconds) {
    const std::string label = route.empty() ? "unmatched" : route;
    std::lock_guard<std::mutex> lock(_mutex);
    ++_requests[{label, status}];
    Histogram& h = _latency[label];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.counts[i];
            break;
        }
    }
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::prometheus(const Gauges& gauges) const {
    std::ostringstream out;
    out << "# HELP ehdocs_http_requests_total HTTP requests by route and status.\n"
           "# TYPE ehdocs_http_requests_total counter\n";
    std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& [key, count] : _requests) {
        out << "ehdocs_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
            << "\"} " << count << "\n";
    }
    out << "# HELP ehdocs_http_request_duration_seconds Request latency by route.\n"
           "# TYPE ehdocs_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : _latency) {
        unsigned long long cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.counts[i];
            out << "ehdocs_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
                << kBuckets[i] << "\"} " << cumulative << "\n";
        }
        out << "ehdocs_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
            << h.count << "\n"
            << "ehdocs_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum
            << "\n"
            << "ehdocs_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count
            << "\n";
    }
    out << "# HELP ehdocs_renderer_busy PDF engines rendering now.\n"
           "# TYPE ehdocs_renderer_busy gauge\n"
           "ehdocs_renderer_busy "
        << gauges.rendererBusy
        << "\n# HELP ehdocs_renderer_queued Renders waiting for a PDF engine.\n"
           "# TYPE ehdocs_renderer_queued gauge\n"
           "ehdocs_renderer_queued "
        << gauges.rendererQueued
        << "\n# HELP ehdocs_cases_stored Cases in the records store.\n"
           "# TYPE ehdocs_cases_stored gauge\n"
           "ehdocs_cases_stored "
        << gauges.casesStored << "\n";
    return out.str();
}

}  // namespace ehdocs::http
