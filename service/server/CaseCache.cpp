#include "server/CaseCache.h"

namespace ehdocs::server {

namespace {

// Reports per case: one for each as-of date asked about; a caller walking through many dates
// should not crowd out other cases.
constexpr std::size_t kReportsPerCase = 16;

}  // namespace

std::size_t CaseCache::Entry::bytes() const {
    std::size_t total = jsonBytes;
    for (const auto& [asOf, report] : reports) total += asOf.size() + report.json.size();
    return total;
}

CaseCache::CaseCache(std::size_t maxBytes) : _maxBytes(maxBytes) {}

CaseCache::Entry* CaseCache::touch(const std::string& caseId, int version) {
    auto found = _entries.find(caseId);
    if (found == _entries.end() || found->second.version != version) return nullptr;
    _recent.splice(_recent.begin(), _recent, found->second.recent);
    return &found->second;
}

std::shared_ptr<const Case> CaseCache::find(const std::string& caseId, int version) {
    std::lock_guard<std::mutex> lock(_mutex);
    Entry* entry = touch(caseId, version);
    return entry ? entry->kase : nullptr;
}

void CaseCache::put(const std::string& caseId, int version, std::shared_ptr<const Case> kase,
                    std::size_t jsonBytes) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _entries.find(caseId);
    if (found != _entries.end() && found->second.version >= version) return;
    if (jsonBytes > _maxBytes) {  // never kept: do not push every other case out for it
        if (found != _entries.end()) erase(found);
        return;
    }
    if (found != _entries.end()) {
        Entry& held = found->second;
        _bytes -= held.bytes();
        held.version = version;
        held.kase = std::move(kase);
        held.jsonBytes = jsonBytes;
        held.reports.clear();
        _recent.splice(_recent.begin(), _recent, held.recent);
    } else {
        _recent.push_front(caseId);
        Entry& added = _entries[caseId];
        added.version = version;
        added.kase = std::move(kase);
        added.jsonBytes = jsonBytes;
        added.recent = _recent.begin();
    }
    _bytes += jsonBytes;
    evict();
}

std::optional<ReadinessReport> CaseCache::report(const std::string& caseId, int version,
                                                 const std::string& asOf) {
    std::lock_guard<std::mutex> lock(_mutex);
    Entry* entry = touch(caseId, version);
    if (!entry) return std::nullopt;
    auto found = entry->reports.find(asOf);
    if (found == entry->reports.end()) return std::nullopt;
    return found->second;
}

void CaseCache::putReport(const std::string& caseId, int version, const std::string& asOf,
                          const ReadinessReport& report) {
    std::lock_guard<std::mutex> lock(_mutex);
    Entry* entry = touch(caseId, version);
    if (!entry || entry->reports.count(asOf)) return;
    if (entry->reports.size() >= kReportsPerCase) {
        _bytes -= entry->bytes();
        entry->reports.clear();
        _bytes += entry->bytes();
    }
    entry->reports.emplace(asOf, report);
    _bytes += asOf.size() + report.json.size();
    evict();
}

// Least recently used first, until the cases held fit the bound.
void CaseCache::evict() {
    while (_bytes > _maxBytes && !_recent.empty()) erase(_entries.find(_recent.back()));
}

void CaseCache::erase(std::unordered_map<std::string, Entry>::iterator entry) {
    _bytes -= entry->second.bytes();
    _recent.erase(entry->second.recent);
    _entries.erase(entry);
}

std::size_t CaseCache::bytes() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _bytes;
}

std::size_t CaseCache::cases() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _entries.size();
}

}  // namespace ehdocs::server
