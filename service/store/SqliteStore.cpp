#include "store/SqliteStore.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/String.h>
#include <sys/stat.h>

#include "store/AuditChain.h"
#include "store/CasePageSql.h"
#include "store/DataFolder.h"
#include "store/Migrations.h"
#include "store/SqlRows.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace ehdocs::store {

namespace {

const char* const kVersionColumns =
    "case_id, version, json, team, status, lead_worker, family_name, author, written_at, action";

CaseRecord caseAt(RecordSet& rows, std::size_t row) {
    CaseRecord record;
    record.caseId = rows.value("case_id", row).convert<std::string>();
    record.version = rows.value("version", row).convert<int>();
    record.json = rows.value("json", row).convert<std::string>();
    record.team = rows.value("team", row).convert<std::string>();
    record.status = rows.value("status", row).convert<std::string>();
    record.leadWorker = rows.value("lead_worker", row).convert<std::string>();
    record.familyName = rows.value("family_name", row).convert<std::string>();
    record.author = rows.value("author", row).convert<std::string>();
    record.writtenAt = rows.value("written_at", row).convert<std::string>();
    record.action = rows.value("action", row).convert<std::string>();
    if (rows.columnCount() > 10) {  // the current version, with its kept summary
        record.levelOfNeed = rows.value("level_of_need", row).convert<std::string>();
        record.leadWorkerName = rows.value("lead_worker_name", row).convert<std::string>();
        record.readyToClose = rows.value("ready_to_close", row).convert<int>() != 0;
        record.blockingCount = rows.value("blocking_count", row).convert<int>();
        record.lateCount = rows.value("late_count", row).convert<int>();
        record.nextDue = rows.value("next_due", row).convert<std::string>();
        record.summaryAsOf = rows.value("summary_as_of", row).convert<std::string>();
        record.nextDueWhat = rows.value("next_due_what", row).convert<std::string>();
    }
    return record;
}

// The current version of cases, with their kept summaries; append the WHERE and ORDER BY.
const char* const kCurrentSelect =
    "SELECT v.case_id AS case_id, v.version AS version, v.json AS json, v.team AS team,"
    " v.status AS status, v.lead_worker AS lead_worker, v.family_name AS family_name,"
    " v.author AS author, v.written_at AS written_at, v.action AS action,"
    " c.level_of_need AS level_of_need, c.lead_worker_name AS lead_worker_name,"
    " c.ready_to_close AS ready_to_close,"
    " c.blocking_count AS blocking_count, c.late_count AS late_count, c.next_due AS next_due,"
    " c.summary_as_of AS summary_as_of, c.next_due_what AS next_due_what"
    " FROM cases c JOIN case_versions v ON v.case_id = c.case_id AND v.version = c.version";

// The documents whose `column` is the one `?`, in issue order.
std::string documentsWhere(const std::string& column) {
    return std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE " + column +
           " = ? ORDER BY rowid";
}

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT (IMMEDIATE takes the write lock up front, so
// a read-then-write cannot be interleaved with another writer, even in another process).
template <typename Work>
auto inTransaction(Poco::Data::Session& session, Work work) -> decltype(work()) {
    session << "BEGIN IMMEDIATE", now;
    try {
        auto result = work();
        session << "COMMIT", now;
        return result;
    } catch (...) {
        try {
            session << "ROLLBACK", now;
        } catch (...) {
        }
        throw;
    }
}

// Every Poco::Data failure leaves this file as a StoreException, which callers handle.
template <typename Work>
auto guarded(const std::string& what, Work work) {
    try {
        return work();
    } catch (const StoreException&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw StoreException(what + ": " + e.displayText());
    }
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : _path(path) {
    guarded("cannot open the database " + path, [&] {
        // Private before SQLite first opens it; its -wal and -shm files take its mode, and
        // any left from an earlier run are narrowed too.
        privateFile(path);
        for (const char* suffix : {"-wal", "-shm"}) {
            if (fileAt(path + suffix)) privateFile(path + suffix);
        }
        _file = *fileAt(path);
        Poco::Data::SQLite::Connector::registerConnector();
        _writer = std::make_unique<Poco::Data::Session>("SQLite", path);
        Poco::Data::Session& s = *_writer;
        // A write-ahead log with a full sync on commit: an acknowledged write survives a
        // crash or power cut. The log also lets the reader connection read while a write
        // (and its sync) is in progress.
        std::string mode;
        s << "PRAGMA journal_mode=WAL", into(mode), now;
        if (Poco::toLower(mode) != "wal") {
            throw StoreException("the database " + path + " cannot use a write-ahead log");
        }
        s << "PRAGMA synchronous=FULL", now;
        s << "PRAGMA busy_timeout=5000", now;
        Migrations::apply(s);
        _reader = std::make_unique<Poco::Data::Session>("SQLite", path);
        *_reader << "PRAGMA busy_timeout=5000", now;
        return 0;
    });
}

std::optional<SqliteStore::FileId> SqliteStore::fileAt(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return FileId{static_cast<unsigned long long>(info.st_dev),
                  static_cast<unsigned long long>(info.st_ino)};
}

void SqliteStore::stillThere() const {
    const std::optional<FileId> now = fileAt(_path);
    if (!now || !(*now == _file)) {
        throw StoreException("the database file " + _path + (now ? " was replaced" : " is gone") +
                             " while the service ran; nothing more can be stored. Restore the "
                             "data folder and restart the service");
    }
}

void SqliteStore::probeWrite() {
    std::lock_guard<std::mutex> lock(_writeMutex);
    stillThere();
    guarded("the database " + _path + " cannot be written", [&] {
        // Takes the write lock and gives it back: fails on a read-only file or folder, or a
        // database another process holds locked past the busy timeout. Writes nothing.
        *_writer << "BEGIN IMMEDIATE", now;
        *_writer << "ROLLBACK", now;
        return 0;
    });
}

// A write transaction on a file that is still there before and after: a write to a deleted
// database would be acknowledged and then lost.
template <typename Work>
auto SqliteStore::writeTransaction(Work work) -> decltype(work()) {
    stillThere();
    auto result = inTransaction(*_writer, work);
    stillThere();
    return result;
}

int SqliteStore::schemaVersion() {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading the schema version", [&] {
        int version = 0;
        *_reader << "PRAGMA user_version", into(version), now;
        return version;
    });
}

void SqliteStore::insertVersion(const CaseRecord& r) {
    *_writer << "INSERT INTO case_versions (" << kVersionColumns
             << ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        useRef(r.caseId), useRef(r.version), useRef(r.json), useRef(r.team), useRef(r.status),
        useRef(r.leadWorker), useRef(r.familyName), useRef(r.author), useRef(r.writtenAt),
        useRef(r.action), now;
}

void SqliteStore::insertDocument(const StoredDocument& d) {
    Poco::Data::BLOB bytes(reinterpret_cast<const unsigned char*>(d.bytes.data()), d.bytes.size());
    *_writer << "INSERT INTO documents (doc_id, case_id, case_version, type, format,"
                " content_type, sha256, bytes, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        useRef(d.docId), useRef(d.caseId), useRef(d.caseVersion), useRef(d.type), useRef(d.format),
        useRef(d.contentType), useRef(d.sha256), useRef(bytes), useRef(d.createdBy),
        useRef(d.createdAt), now;
}

WriteResult SqliteStore::createCase(const CaseRecord& first, const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("storing a new case", [&] {
        return writeTransaction([&] {
            const WriteResult result = insertFirst(first);
            if (result == WriteResult::ok) insertAudit(audit);
            return result;
        });
    });
}

std::vector<WriteResult> SqliteStore::createCases(const std::vector<CaseRecord>& firsts,
                                                  const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("storing new cases", [&] {
        return writeTransaction([&] {
            std::vector<WriteResult> results;
            std::vector<AuditEntry> stored;
            for (std::size_t i = 0; i < firsts.size(); ++i) {
                results.push_back(insertFirst(firsts[i]));
                if (results.back() == WriteResult::ok && i < audit.size())
                    stored.push_back(audit[i]);
            }
            insertAudit(stored);
            return results;
        });
    });
}

WriteResult SqliteStore::insertFirst(const CaseRecord& first) {
    int found = 0;
    *_writer << "SELECT COUNT(*) FROM cases WHERE case_id = ?", useRef(first.caseId), into(found),
        now;
    if (found) return WriteResult::exists;
    std::vector<std::string> values = summaryValues(first);
    Statement insert(*_writer);
    insert << "INSERT INTO cases (case_id, version, written_at, " << kSummaryColumns << ") VALUES ("
           << placeholders(false, 1, 3 + summaryColumnCount()) << ")",
        useRef(first.caseId), useRef(first.version), useRef(first.writtenAt);
    bindAll(insert, values);
    insert.execute();
    insertVersion(first);
    return WriteResult::ok;
}

WriteResult SqliteStore::updateCase(const CaseRecord& next,
                                    const std::vector<StoredDocument>& documents,
                                    const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("storing a case version", [&] {
        return writeTransaction([&] {
            std::vector<int> current;
            *_writer << "SELECT version FROM cases WHERE case_id = ?", useRef(next.caseId),
                into(current), now;
            if (current.empty()) return WriteResult::notFound;
            if (current.front() != next.version - 1) return WriteResult::stale;
            std::vector<std::string> values = summaryValues(next);
            Statement advance(*_writer);
            advance << "UPDATE cases SET version = ?, written_at = ?, " << summaryAssignments(false)
                    << " WHERE case_id = ?",
                useRef(next.version), useRef(next.writtenAt);
            bindAll(advance, values);
            advance, useRef(next.caseId);
            advance.execute();
            insertVersion(next);
            for (const StoredDocument& doc : documents) insertDocument(doc);
            insertAudit(audit);
            return WriteResult::ok;
        });
    });
}

std::optional<CaseRecord> SqliteStore::currentCase(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case", [&]() -> std::optional<CaseRecord> {
        Statement select(*_reader);
        select << kCurrentSelect << " WHERE c.case_id = ?", useRef(caseId), now;
        RecordSet rows(select);
        if (rows.rowCount() == 0) return std::nullopt;
        return caseAt(rows, 0);
    });
}

std::optional<CaseRecord> SqliteStore::currentHead(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case", [&]() -> std::optional<CaseRecord> {
        Statement select(*_reader);
        select << "SELECT c.case_id AS case_id, c.version AS version, '' AS json,"
                  " c.team AS team, c.status AS status, c.lead_worker AS lead_worker,"
                  " c.family_name AS family_name, v.author AS author,"
                  " v.written_at AS written_at, v.action AS action,"
                  " c.level_of_need AS level_of_need, c.lead_worker_name AS lead_worker_name,"
                  " c.ready_to_close AS ready_to_close,"
                  " c.blocking_count AS blocking_count, c.late_count AS late_count,"
                  " c.next_due AS next_due, c.summary_as_of AS summary_as_of,"
                  " c.next_due_what AS next_due_what"
                  " FROM cases c JOIN case_versions v"
                  " ON v.case_id = c.case_id AND v.version = c.version WHERE c.case_id = ?",
            useRef(caseId), now;
        RecordSet rows(select);
        if (rows.rowCount() == 0) return std::nullopt;
        return caseAt(rows, 0);
    });
}

std::vector<CaseRecord> SqliteStore::caseHistory(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case history", [&] {
        Statement select(*_reader);
        select << "SELECT case_id, version, '' AS json, team, status, lead_worker, family_name,"
                  " author, written_at, action FROM case_versions WHERE case_id = ?"
                  " ORDER BY version",
            useRef(caseId), now;
        RecordSet rows(select);
        std::vector<CaseRecord> history;
        for (std::size_t row = 0; row < rows.rowCount(); ++row) {
            history.push_back(caseAt(rows, row));
        }
        return history;
    });
}

std::vector<CaseRecord> SqliteStore::listCases(const CaseFilter& filter) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("listing cases", [&] {
        Statement select(*_reader);
        select << kCurrentSelect
               << " WHERE (? = '' OR v.team = ?) AND (? = '' OR v.status = ?)"
                  " AND (? = '' OR v.lead_worker = ?) ORDER BY v.case_id",
            useRef(filter.team), useRef(filter.team), useRef(filter.status), useRef(filter.status),
            useRef(filter.leadWorker), useRef(filter.leadWorker), now;
        RecordSet rows(select);
        std::vector<CaseRecord> found;
        for (std::size_t row = 0; row < rows.rowCount(); ++row) found.push_back(caseAt(rows, row));
        return found;
    });
}

std::size_t SqliteStore::caseCount() {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("counting cases", [&] {
        int count = 0;
        *_reader << "SELECT COUNT(*) FROM cases", into(count), now;
        return static_cast<std::size_t>(count);
    });
}

std::optional<StoredDocument> SqliteStore::document(const std::string& docId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a document", [&]() -> std::optional<StoredDocument> {
        auto found = selectDocuments(*_reader, documentsWhere("doc_id"), docId);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<StoredDocument> SqliteStore::caseDocuments(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case's documents",
                   [&] { return selectDocuments(*_reader, documentsWhere("case_id"), caseId); });
}

WriteResult SqliteStore::addUser(const User& user) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("adding a user", [&] {
        return writeTransaction([&] {
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(user.name), into(found),
                now;
            if (found) return WriteResult::exists;
            const int disabled = user.disabled ? 1 : 0;
            *_writer << "INSERT INTO users (name, role, team, token_hash, created_at,"
                        " password_hash, disabled, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                useRef(user.name), useRef(user.role), useRef(user.team), useRef(user.tokenHash),
                useRef(user.createdAt), useRef(user.passwordHash), useRef(disabled),
                useRef(user.worker), now;
            return WriteResult::ok;
        });
    });
}

WriteResult SqliteStore::replaceToken(const std::string& name, const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("replacing a token", [&] {
        return writeTransaction([&] {
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(name), into(found), now;
            if (!found) return WriteResult::notFound;
            *_writer << "UPDATE users SET token_hash = ? WHERE name = ?", useRef(tokenHash),
                useRef(name), now;
            return WriteResult::ok;
        });
    });
}

std::optional<User> SqliteStore::userByTokenHash(const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("looking up a token", [&]() -> std::optional<User> {
        std::vector<User> found =
            selectUsers(*_reader, "token_hash = ? AND disabled = 0", tokenHash);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::optional<User> SqliteStore::userByName(const std::string& name) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("looking up a user", [&]() -> std::optional<User> {
        std::vector<User> found = selectUsers(*_reader, "name = ?", name);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<User> SqliteStore::users() {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("listing users", [&] { return selectUsers(*_reader, "", ""); });
}

WriteResult SqliteStore::updateUser(const std::string& name, const std::string& what,
                                    const std::string& sql, const std::string& value) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded(what, [&] {
        return writeTransaction([&] {
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(name), into(found), now;
            if (!found) return WriteResult::notFound;
            *_writer << sql, useRef(value), useRef(name), now;
            return WriteResult::ok;
        });
    });
}

WriteResult SqliteStore::setPassword(const std::string& name, const std::string& passwordHash) {
    return updateUser(name, "setting a password",
                      "UPDATE users SET password_hash = ? WHERE name = ?", passwordHash);
}

WriteResult SqliteStore::setDisabled(const std::string& name, bool disabled) {
    return updateUser(name, "disabling a user", "UPDATE users SET disabled = ? WHERE name = ?",
                      disabled ? "1" : "0");
}

WriteResult SqliteStore::setTeam(const std::string& name, const std::string& team) {
    return updateUser(name, "moving a user to another team",
                      "UPDATE users SET team = ? WHERE name = ?", team);
}

WriteResult SqliteStore::setWorker(const std::string& name, const std::string& worker) {
    return updateUser(name, "linking a worker id", "UPDATE users SET worker = ? WHERE name = ?",
                      worker);
}

void SqliteStore::appendAudit(const std::vector<AuditEntry>& entries) {
    if (entries.empty()) return;
    std::lock_guard<std::mutex> lock(_writeMutex);
    guarded("appending to the audit trail", [&] {
        return writeTransaction([&] {
            insertAudit(entries);
            return 0;
        });
    });
}

void SqliteStore::insertAudit(const std::vector<AuditEntry>& entries) {
    if (entries.empty()) return;
    // The newest entry, read inside the write transaction: no other writer (in this
    // process or another) can append between this read and the insert.
    std::vector<Poco::Int64> lastSeq;
    std::vector<std::string> lastHash;
    *_writer << "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", into(lastSeq),
        into(lastHash), now;
    long long seq = lastSeq.empty() ? 0 : lastSeq.front();
    std::string previous = lastHash.empty() ? "" : lastHash.front();
    // One prepared statement bound to columns inserts the whole batch.
    std::vector<Poco::Int64> seqs;
    std::vector<std::string> at, user, role, action, caseId, outcome, requestId, detail, prevHash,
        hash;
    for (AuditEntry e : entries) {
        e = AuditChain::stored(e);
        e.seq = ++seq;
        AuditChain::link(e, previous);
        previous = e.hash;
        seqs.push_back(e.seq);
        at.push_back(e.at);
        user.push_back(e.user);
        role.push_back(e.role);
        action.push_back(e.action);
        caseId.push_back(e.caseId);
        outcome.push_back(e.outcome);
        requestId.push_back(e.requestId);
        detail.push_back(e.detail);
        prevHash.push_back(e.prevHash);
        hash.push_back(e.hash);
    }
    *_writer << "INSERT INTO audit (seq, at, user, role, action, case_id, outcome,"
                " request_id, detail, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(seqs), use(at), use(user), use(role), use(action), use(caseId), use(outcome),
        use(requestId), use(detail), use(prevHash), use(hash), now;
}

std::vector<AuditEntry> SqliteStore::audit(const AuditQuery& q) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading the audit trail", [&] {
        std::vector<Poco::Int64> seqs;
        std::vector<std::string> at, user, role, action, caseId, outcome, requestId, detail,
            prevHash, hash;
        const int limit = static_cast<int>(q.limit);
        const Poco::Int64 after = q.afterSeq, before = q.beforeSeq;
        *_reader << "SELECT seq, at, user, role, action, case_id, outcome, request_id, detail,"
                    " prev_hash, hash FROM audit WHERE (? = '' OR case_id = ?)"
                    " AND (? = '' OR user = ?) AND (? = '' OR at >= ?) AND (? = '' OR at <= ?)"
                    " AND seq > ? AND (? = 0 OR seq < ?) ORDER BY seq"
                 << (q.newestFirst ? " DESC" : "") << " LIMIT ?",
            useRef(q.caseId), useRef(q.caseId), useRef(q.user), useRef(q.user), useRef(q.from),
            useRef(q.from), useRef(q.to), useRef(q.to), useRef(after), useRef(before),
            useRef(before), useRef(limit), into(seqs), into(at), into(user), into(role),
            into(action), into(caseId), into(outcome), into(requestId), into(detail),
            into(prevHash), into(hash), now;
        std::vector<AuditEntry> found(seqs.size());
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            found[i] =
                AuditEntry{seqs[i],    at[i],        user[i],   role[i],     action[i], caseId[i],
                           outcome[i], requestId[i], detail[i], prevHash[i], hash[i]};
        }
        return found;
    });
}

std::size_t SqliteStore::auditCount(const AuditQuery& q) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("counting the audit trail", [&] {
        Poco::Int64 count = 0;
        *_reader << "SELECT COUNT(*) FROM audit WHERE (? = '' OR case_id = ?)"
                    " AND (? = '' OR user = ?) AND (? = '' OR at >= ?) AND (? = '' OR at <= ?)",
            useRef(q.caseId), useRef(q.caseId), useRef(q.user), useRef(q.user), useRef(q.from),
            useRef(q.from), useRef(q.to), useRef(q.to), into(count), now;
        return static_cast<std::size_t>(count);
    });
}

CasePage SqliteStore::casePage(const CasePageQuery& query) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a page of cases", [&] { return readCasePage(*_reader, query, false); });
}

std::vector<std::pair<std::string, std::string>> SqliteStore::leadWorkers(const std::string& team) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("listing lead workers",
                   [&] { return selectLeadWorkers(*_reader, team, false); });
}

WriteResult SqliteStore::refreshSummary(const CaseRecord& summary) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("refreshing a case summary", [&] {
        return writeTransaction([&] {
            std::vector<int> current;
            *_writer << "SELECT version FROM cases WHERE case_id = ?", useRef(summary.caseId),
                into(current), now;
            if (current.empty()) return WriteResult::notFound;
            if (current.front() != summary.version) return WriteResult::stale;
            // The identifying columns stay those of the stored version.
            CaseRecord merged = summary;
            *_writer
                << "SELECT team, status, lead_worker, family_name FROM cases WHERE case_id = ?",
                useRef(summary.caseId), into(merged.team), into(merged.status),
                into(merged.leadWorker), into(merged.familyName), now;
            std::vector<std::string> values = summaryValues(merged);
            Statement update(*_writer);
            update << "UPDATE cases SET " << summaryAssignments(false) << " WHERE case_id = ?";
            bindAll(update, values);
            update, useRef(summary.caseId);
            update.execute();
            return WriteResult::ok;
        });
    });
}

std::vector<std::string> SqliteStore::staleSummaries(const std::string& asOf, std::size_t limit) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("finding stale case summaries", [&] {
        std::vector<std::string> ids;
        const Poco::Int64 most = static_cast<Poco::Int64>(limit);
        *_reader << "SELECT case_id FROM cases WHERE summary_as_of < ?"
                    " ORDER BY summary_as_of, case_id LIMIT ?",
            useRef(asOf), bind(most), into(ids), now;
        return ids;
    });
}

}  // namespace ehdocs::store
