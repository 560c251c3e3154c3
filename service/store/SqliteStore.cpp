#include "store/SqliteStore.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/String.h>
#include <sys/stat.h>

#include "store/AuditChain.h"
#include "store/DataFolder.h"
#include "store/Migrations.h"

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
    return record;
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
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM cases WHERE case_id = ?", useRef(first.caseId),
                into(found), now;
            if (found) return WriteResult::exists;
            *_writer << "INSERT INTO cases (case_id, version) VALUES (?, ?)", useRef(first.caseId),
                useRef(first.version), now;
            insertVersion(first);
            insertAudit(audit);
            return WriteResult::ok;
        });
    });
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
            *_writer << "UPDATE cases SET version = ? WHERE case_id = ?", useRef(next.version),
                useRef(next.caseId), now;
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
        select << "SELECT " << kVersionColumns
               << " FROM case_versions WHERE case_id = ?"
                  " AND version = (SELECT version FROM cases WHERE case_id = ?)",
            useRef(caseId), useRef(caseId), now;
        RecordSet rows(select);
        if (rows.rowCount() == 0) return std::nullopt;
        return caseAt(rows, 0);
    });
}

std::optional<CaseRecord> SqliteStore::currentHead(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case", [&]() -> std::optional<CaseRecord> {
        std::vector<int> version;
        std::vector<std::string> team, status, lead, family, author, at, action;
        *_reader << "SELECT v.version, v.team, v.status, v.lead_worker, v.family_name, v.author,"
                    " v.written_at, v.action FROM cases c JOIN case_versions v"
                    " ON v.case_id = c.case_id AND v.version = c.version WHERE c.case_id = ?",
            useRef(caseId), into(version), into(team), into(status), into(lead), into(family),
            into(author), into(at), into(action), now;
        if (version.empty()) return std::nullopt;
        return CaseRecord{caseId,  version[0], "",        team[0], status[0],
                          lead[0], family[0],  author[0], at[0],   action[0]};
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
        select << "SELECT v.case_id AS case_id, v.version AS version, v.json AS json,"
                  " v.team AS team, v.status AS status, v.lead_worker AS lead_worker,"
                  " v.family_name AS family_name, v.author AS author,"
                  " v.written_at AS written_at, v.action AS action"
                  " FROM cases c JOIN case_versions v"
                  " ON v.case_id = c.case_id AND v.version = c.version"
                  " WHERE (? = '' OR v.team = ?) AND (? = '' OR v.status = ?)"
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

std::vector<StoredDocument> SqliteStore::selectDocuments(const std::string& column,
                                                         const std::string& value) {
    std::vector<std::string> ids, cases, types, formats, contentTypes, hashes, by, at;
    std::vector<int> versions;
    std::vector<Poco::Data::BLOB> blobs;
    *_reader << "SELECT doc_id, case_id, case_version, type, format, content_type, sha256,"
                " bytes, created_by, created_at FROM documents WHERE " +
                    column + " = ? ORDER BY rowid",
        useRef(value), into(ids), into(cases), into(versions), into(types), into(formats),
        into(contentTypes), into(hashes), into(blobs), into(by), into(at), now;
    std::vector<StoredDocument> found(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        StoredDocument& d = found[i];
        d.docId = ids[i];
        d.caseId = cases[i];
        d.caseVersion = versions[i];
        d.type = types[i];
        d.format = formats[i];
        d.contentType = contentTypes[i];
        d.sha256 = hashes[i];
        d.bytes.assign(reinterpret_cast<const char*>(blobs[i].rawContent()), blobs[i].size());
        d.createdBy = by[i];
        d.createdAt = at[i];
    }
    return found;
}

std::optional<StoredDocument> SqliteStore::document(const std::string& docId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a document", [&]() -> std::optional<StoredDocument> {
        auto found = selectDocuments("doc_id", docId);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<StoredDocument> SqliteStore::caseDocuments(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("reading a case's documents",
                   [&] { return selectDocuments("case_id", caseId); });
}

WriteResult SqliteStore::addUser(const User& user) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("adding a user", [&] {
        return writeTransaction([&] {
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(user.name), into(found),
                now;
            if (found) return WriteResult::exists;
            *_writer << "INSERT INTO users (name, role, team, token_hash, created_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                useRef(user.name), useRef(user.role), useRef(user.team), useRef(user.tokenHash),
                useRef(user.createdAt), now;
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

WriteResult SqliteStore::setDisabled(const std::string& name, bool disabled) {
    std::lock_guard<std::mutex> lock(_writeMutex);
    return guarded("disabling or enabling a user", [&] {
        return writeTransaction([&] {
            int found = 0;
            *_writer << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(name), into(found), now;
            if (!found) return WriteResult::notFound;
            const int flag = disabled ? 1 : 0;
            *_writer << "UPDATE users SET disabled = ? WHERE name = ?", useRef(flag), useRef(name),
                now;
            return WriteResult::ok;
        });
    });
}

std::optional<User> SqliteStore::userByTokenHash(const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_readMutex);
    return guarded("looking up a token", [&]() -> std::optional<User> {
        std::vector<std::string> names, roles, teams, created;
        std::vector<int> disabled;
        *_reader << "SELECT name, role, team, created_at, disabled FROM users"
                    " WHERE token_hash = ?",
            useRef(tokenHash), into(names), into(roles), into(teams), into(created), into(disabled),
            now;
        if (names.empty()) return std::nullopt;
        return User{names[0], roles[0], teams[0], tokenHash, created[0], disabled[0] != 0};
    });
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
        const Poco::Int64 after = q.afterSeq;
        *_reader << "SELECT seq, at, user, role, action, case_id, outcome, request_id, detail,"
                    " prev_hash, hash FROM audit WHERE (? = '' OR case_id = ?)"
                    " AND (? = '' OR user = ?) AND (? = '' OR at >= ?) AND (? = '' OR at <= ?)"
                    " AND seq > ? ORDER BY seq LIMIT ?",
            useRef(q.caseId), useRef(q.caseId), useRef(q.user), useRef(q.user), useRef(q.from),
            useRef(q.from), useRef(q.to), useRef(q.to), useRef(after), useRef(limit), into(seqs),
            into(at), into(user), into(role), into(action), into(caseId), into(outcome),
            into(requestId), into(detail), into(prevHash), into(hash), now;
        std::vector<AuditEntry> found(seqs.size());
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            found[i] =
                AuditEntry{seqs[i],    at[i],        user[i],   role[i],     action[i], caseId[i],
                           outcome[i], requestId[i], detail[i], prevHash[i], hash[i]};
        }
        return found;
    });
}

}  // namespace ehdocs::store
