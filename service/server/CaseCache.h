#pragma once

// Parsed case files, and their readiness reports per as-of date, kept by case id so that
// reading a busy case does not parse and check it again. One version per case (the newest
// seen); the least recently used cases leave first once the cache holds more than `maxBytes`.
// A case's size is counted as the length of its JSON text plus its reports' JSON: an estimate
// of the memory it takes, proportional to it, not an exact measure.
// Thread-safe. Entries are shared: a case handed out stays valid after it leaves the cache.

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "case/Case.h"
#include "server/ReadinessChecker.h"

namespace ehdocs::server {

class CaseCache {
public:
    // `maxBytes` 0 keeps nothing.
    explicit CaseCache(std::size_t maxBytes);

    // The case's `version`, when that is the version held; else null.
    std::shared_ptr<const Case> find(const std::string& caseId, int version);

    // Holds `kase` as the case's `version` (`jsonBytes`: the length of its JSON text), unless a
    // newer version is held. A case larger than the whole bound is not kept.
    void put(const std::string& caseId, int version, std::shared_ptr<const Case> kase,
             std::size_t jsonBytes);

    // The report as of `asOf` for the case's `version`, when held.
    std::optional<ReadinessReport> report(const std::string& caseId, int version,
                                          const std::string& asOf);

    // Holds `report` with the case's `version`, when that version is held (else does nothing).
    void putReport(const std::string& caseId, int version, const std::string& asOf,
                   const ReadinessReport& report);

    std::size_t bytes() const;  // the sizes of the cases held
    std::size_t cases() const;  // how many are held

private:
    struct Entry {
        int version = 0;
        std::shared_ptr<const Case> kase;
        std::size_t jsonBytes = 0;
        std::map<std::string, ReadinessReport> reports;  // by as-of date
        std::size_t bytes() const;
        std::list<std::string>::iterator recent;  // its place in _recent
    };

    Entry* touch(const std::string& caseId, int version);  // null when not held
    void evict();
    void erase(std::unordered_map<std::string, Entry>::iterator entry);

    const std::size_t _maxBytes;
    mutable std::mutex _mutex;
    std::unordered_map<std::string, Entry> _entries;
    std::list<std::string> _recent;  // case ids, most recently used first
    std::size_t _bytes = 0;
};

}  // namespace ehdocs::server
