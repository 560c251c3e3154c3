#include "store/MemoryStore.h"

#include <Poco/String.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "store/AuditChain.h"

namespace ehdocs::store {

namespace {

bool matches(const std::string& wanted, const std::string& value) {
    return wanted.empty() || wanted == value;
}

bool matches(const AuditQuery& query, const AuditEntry& entry) {
    if (!matches(query.caseId, entry.caseId) || !matches(query.user, entry.user)) return false;
    if (!query.from.empty() && entry.at < query.from) return false;
    if (!query.to.empty() && entry.at > query.to) return false;
    return true;
}

bool matches(const CasePageQuery& q, const CaseRecord& r) {
    if (!matches(q.team, r.team) || !matches(q.status, r.status) ||
        !matches(q.leadWorker, r.leadWorker)) {
        return false;
    }
    if (q.ready && *q.ready != r.readyToClose) return false;
    if (q.late && *q.late != (r.lateCount > 0)) return false;
    if (!q.dueBefore.empty() && (r.nextDue.empty() || r.nextDue >= q.dueBefore)) return false;
    if (!q.search.empty()) {
        const std::string wanted = Poco::toLower(q.search);
        if (Poco::toLower(r.caseId).find(wanted) == std::string::npos &&
            Poco::toLower(r.familyName).find(wanted) == std::string::npos) {
            return false;
        }
    }
    return true;
}

void copySummary(const CaseRecord& from, CaseRecord& to) {
    to.levelOfNeed = from.levelOfNeed;
    to.leadWorkerName = from.leadWorkerName;
    to.readyToClose = from.readyToClose;
    to.blockingCount = from.blockingCount;
    to.lateCount = from.lateCount;
    to.nextDue = from.nextDue;
    to.nextDueWhat = from.nextDueWhat;
    to.summaryAsOf = from.summaryAsOf;
}

}  // namespace

WriteResult MemoryStore::createCase(const CaseRecord& first, const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_cases.count(first.caseId)) return WriteResult::exists;
    _cases[first.caseId].push_back(first);
    appendLocked(audit);
    return WriteResult::ok;
}

std::vector<WriteResult> MemoryStore::createCases(const std::vector<CaseRecord>& firsts,
                                                  const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<WriteResult> results;
    for (std::size_t i = 0; i < firsts.size(); ++i) {
        const CaseRecord& first = firsts[i];
        if (_cases.count(first.caseId)) {
            results.push_back(WriteResult::exists);
            continue;
        }
        _cases[first.caseId].push_back(first);
        results.push_back(WriteResult::ok);
        if (i < audit.size()) appendLocked({audit[i]});
    }
    return results;
}

WriteResult MemoryStore::updateCase(const CaseRecord& next,
                                    const std::vector<StoredDocument>& documents,
                                    const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(next.caseId);
    if (it == _cases.end()) return WriteResult::notFound;
    if (it->second.back().version != next.version - 1) return WriteResult::stale;
    it->second.push_back(next);
    _documents.insert(_documents.end(), documents.begin(), documents.end());
    appendLocked(audit);
    return WriteResult::ok;
}

std::optional<CaseRecord> MemoryStore::currentCase(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return std::nullopt;
    return it->second.back();
}

std::optional<CaseRecord> MemoryStore::currentHead(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return std::nullopt;
    CaseRecord head = it->second.back();
    head.json.clear();
    return head;
}

std::vector<CaseRecord> MemoryStore::caseHistory(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<CaseRecord> history;
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return history;
    for (const CaseRecord& version : it->second) {
        CaseRecord record;
        record.caseId = version.caseId;
        record.version = version.version;
        record.team = version.team;
        record.status = version.status;
        record.leadWorker = version.leadWorker;
        record.familyName = version.familyName;
        record.author = version.author;
        record.writtenAt = version.writtenAt;
        record.action = version.action;
        history.push_back(std::move(record));
    }
    return history;
}

std::vector<CaseRecord> MemoryStore::listCases(const CaseFilter& filter) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<CaseRecord> found;
    for (const auto& [id, versions] : _cases) {
        const CaseRecord& current = versions.back();
        if (matches(filter.team, current.team) && matches(filter.status, current.status) &&
            matches(filter.leadWorker, current.leadWorker)) {
            found.push_back(current);
        }
    }
    return found;
}

std::size_t MemoryStore::caseCount() {
    std::lock_guard<std::mutex> lock(_mutex);
    return _cases.size();
}

std::optional<StoredDocument> MemoryStore::document(const std::string& docId) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (const StoredDocument& doc : _documents) {
        if (doc.docId == docId) return doc;
    }
    return std::nullopt;
}

std::vector<StoredDocument> MemoryStore::caseDocuments(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<StoredDocument> found;
    for (const StoredDocument& doc : _documents) {
        if (doc.caseId == caseId) found.push_back(doc);
    }
    return found;
}

WriteResult MemoryStore::addUser(const User& user) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_users.count(user.name)) return WriteResult::exists;
    _users[user.name] = user;
    return WriteResult::ok;
}

WriteResult MemoryStore::changeUser(const std::string& name,
                                    const std::function<void(User&)>& change) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _users.find(name);
    if (it == _users.end()) return WriteResult::notFound;
    change(it->second);
    return WriteResult::ok;
}

WriteResult MemoryStore::replaceToken(const std::string& name, const std::string& tokenHash) {
    return changeUser(name, [&](User& user) { user.tokenHash = tokenHash; });
}

std::optional<User> MemoryStore::userByTokenHash(const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& [name, user] : _users) {
        if (user.tokenHash == tokenHash && !user.disabled) return user;
    }
    return std::nullopt;
}

std::optional<User> MemoryStore::userByName(const std::string& name) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _users.find(name);
    if (it == _users.end()) return std::nullopt;
    return it->second;
}

std::vector<User> MemoryStore::users() {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<User> all;
    for (const auto& [name, user] : _users) all.push_back(user);
    return all;
}

WriteResult MemoryStore::setPassword(const std::string& name, const std::string& passwordHash) {
    return changeUser(name, [&](User& user) { user.passwordHash = passwordHash; });
}

WriteResult MemoryStore::setDisabled(const std::string& name, bool disabled) {
    return changeUser(name, [&](User& user) { user.disabled = disabled; });
}

WriteResult MemoryStore::setWorker(const std::string& name, const std::string& worker) {
    return changeUser(name, [&](User& user) { user.worker = worker; });
}

WriteResult MemoryStore::setTeam(const std::string& name, const std::string& team) {
    return changeUser(name, [&](User& user) { user.team = team; });
}

void MemoryStore::appendAudit(const std::vector<AuditEntry>& entries) {
    std::lock_guard<std::mutex> lock(_mutex);
    appendLocked(entries);
}

void MemoryStore::appendLocked(const std::vector<AuditEntry>& entries) {
    for (AuditEntry entry : entries) {
        entry = AuditChain::stored(entry);
        entry.seq = static_cast<long long>(_audit.size()) + 1;
        AuditChain::link(entry, _audit.empty() ? "" : _audit.back().hash);
        _audit.push_back(std::move(entry));
    }
}

std::vector<AuditEntry> MemoryStore::audit(const AuditQuery& query) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<AuditEntry> found;
    auto consider = [&](const AuditEntry& entry) {
        if (entry.seq <= query.afterSeq || (query.beforeSeq && entry.seq >= query.beforeSeq) ||
            !matches(query, entry)) {
            return;
        }
        found.push_back(entry);
    };
    if (query.newestFirst) {
        for (auto it = _audit.rbegin(); it != _audit.rend() && found.size() < query.limit; ++it)
            consider(*it);
    } else {
        for (auto it = _audit.begin(); it != _audit.end() && found.size() < query.limit; ++it)
            consider(*it);
    }
    return found;
}

std::size_t MemoryStore::auditCount(const AuditQuery& query) {
    std::lock_guard<std::mutex> lock(_mutex);
    return static_cast<std::size_t>(std::count_if(
        _audit.begin(), _audit.end(), [&](const AuditEntry& e) { return matches(query, e); }));
}

CasePage MemoryStore::casePage(const CasePageQuery& query) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<std::pair<CaseCursor, const CaseRecord*>> ordered;
    for (const auto& [id, versions] : _cases) {
        if (matches(query, versions.back())) {
            ordered.push_back({{sortKey(versions.back(), query.sort), id}, &versions.back()});
        }
    }
    auto before = [](const CaseCursor& a, const CaseCursor& b) {
        return std::tie(a.key, a.caseId) < std::tie(b.key, b.caseId);
    };
    std::sort(ordered.begin(), ordered.end(),
              [&](const auto& a, const auto& b) { return before(a.first, b.first); });
    CasePage page;
    page.total = ordered.size();
    for (const auto& [position, record] : ordered) {
        if (query.after && !before(*query.after, position)) continue;
        if (page.cases.size() == query.limit) {
            page.next =
                CaseCursor{sortKey(page.cases.back(), query.sort), page.cases.back().caseId};
            break;
        }
        CaseRecord item = *record;
        if (!query.withJson) item.json.clear();
        page.cases.push_back(std::move(item));
    }
    return page;
}

std::vector<std::pair<std::string, std::string>> MemoryStore::leadWorkers(const std::string& team) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::map<std::string, std::string> nameOf;  // id -> the greatest name it is given
    for (const auto& [id, versions] : _cases) {
        const CaseRecord& current = versions.back();
        if (!matches(team, current.team) || current.leadWorker.empty()) continue;
        std::string& name = nameOf[current.leadWorker];
        name = std::max(name, current.leadWorkerName);
    }
    std::set<std::pair<std::string, std::string>> byName;  // (name, id)
    for (const auto& [id, name] : nameOf) byName.insert({name, id});
    std::vector<std::pair<std::string, std::string>> leads;
    for (const auto& [name, id] : byName) leads.push_back({id, name});
    return leads;
}

WriteResult MemoryStore::refreshSummary(const CaseRecord& summary) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(summary.caseId);
    if (it == _cases.end()) return WriteResult::notFound;
    if (it->second.back().version != summary.version) return WriteResult::stale;
    copySummary(summary, it->second.back());
    return WriteResult::ok;
}

std::vector<std::string> MemoryStore::staleSummaries(const std::string& asOf, std::size_t limit) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<std::pair<std::string, std::string>> stale;  // (summaryAsOf, id)
    for (const auto& [id, versions] : _cases) {
        if (versions.back().summaryAsOf < asOf) stale.push_back({versions.back().summaryAsOf, id});
    }
    std::sort(stale.begin(), stale.end());
    std::vector<std::string> ids;
    for (const auto& [at, id] : stale) {
        if (ids.size() == limit) break;
        ids.push_back(id);
    }
    return ids;
}

}  // namespace ehdocs::store
