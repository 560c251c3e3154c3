#include "store/PostgresStore.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <libpq-fe.h>

#include <limits>
#include <optional>

#include "store/AuditChain.h"
#include "store/CasePageSql.h"
#include "store/PostgresMigrations.h"
#include "store/SqlRows.h"

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace ehdocs::store {

namespace {

// The columns of case_versions, in CaseRecord order, and (`withSummary`) the kept summary of
// the `cases` row.
struct VersionRows {
    explicit VersionRows(bool withSummary) : summary(withSummary) {}

    bool summary;
    std::vector<std::string> caseId, json, team, status, lead, family, author, at, action;
    std::vector<int> version;
    std::vector<std::string> level, leadName, nextDue, asOf, nextDueWhat;
    std::vector<int> ready, blocking, late;

    void bindTo(Statement& statement) {
        statement, into(caseId), into(version), into(json), into(team), into(status), into(lead),
            into(family), into(author), into(at), into(action);
        if (summary) {
            statement, into(level), into(leadName), into(ready), into(blocking), into(late),
                into(nextDue), into(asOf), into(nextDueWhat);
        }
    }

    std::vector<CaseRecord> records() const {
        std::vector<CaseRecord> found(caseId.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CaseRecord& r = found[i];
            r.caseId = caseId[i];
            r.version = version[i];
            r.json = json[i];
            r.team = team[i];
            r.status = status[i];
            r.leadWorker = lead[i];
            r.familyName = family[i];
            r.author = author[i];
            r.writtenAt = at[i];
            r.action = action[i];
            if (!summary) continue;
            r.levelOfNeed = level[i];
            r.leadWorkerName = leadName[i];
            r.readyToClose = ready[i] != 0;
            r.blockingCount = blocking[i];
            r.lateCount = late[i];
            r.nextDue = nextDue[i];
            r.summaryAsOf = asOf[i];
            r.nextDueWhat = nextDueWhat[i];
        }
        return found;
    }
};

const char* const kVersionColumns =
    "v.case_id, v.version, v.json, v.team, v.status, v.lead_worker, v.family_name, v.author,"
    " v.written_at, v.action, c.level_of_need, c.lead_worker_name, c.ready_to_close,"
    " c.blocking_count,"
    " c.late_count, c.next_due, c.summary_as_of, c.next_due_what";

// A connection of the pool for one call, waiting while every connection is in use, given
// back when the lease ends.
class Lease {
public:
    Lease(Poco::Data::SessionPool& pool, Poco::Semaphore& free) : _free(free) {
        _free.wait();
        try {
            _session.emplace(pool.get());
        } catch (...) {
            _free.set();
            throw;
        }
    }
    ~Lease() {
        _session.reset();
        _free.set();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Session& session() { return *_session; }

private:
    Poco::Semaphore& _free;
    std::optional<Session> _session;
};

// Runs `work` in one transaction on `session`, rolled back when it throws.
template <typename Work>
auto inTransaction(Session& session, Work work) {
    session.begin();
    try {
        auto result = work();
        session.commit();
        return result;
    } catch (...) {
        try {
            session.rollback();
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

// The documents whose `column` is $1, in issue order.
std::string documentsWhere(const std::string& column) {
    return std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE " + column +
           " = $1 ORDER BY issued";
}

void insertVersion(Session& s, const CaseRecord& r) {
    s << "INSERT INTO case_versions (case_id, version, json, team, status, lead_worker,"
         " family_name, author, written_at, action)"
         " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        useRef(r.caseId), useRef(r.version), useRef(r.json), useRef(r.team), useRef(r.status),
        useRef(r.leadWorker), useRef(r.familyName), useRef(r.author), useRef(r.writtenAt),
        useRef(r.action), now;
}

void insertDocument(Session& s, const StoredDocument& d) {
    Poco::Data::BLOB bytes(reinterpret_cast<const unsigned char*>(d.bytes.data()), d.bytes.size());
    s << "INSERT INTO documents (doc_id, case_id, case_version, type, format, content_type,"
         " sha256, bytes, created_by, created_at)"
         " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        useRef(d.docId), useRef(d.caseId), useRef(d.caseVersion), useRef(d.type), useRef(d.format),
        useRef(d.contentType), useRef(d.sha256), useRef(bytes), useRef(d.createdBy),
        useRef(d.createdAt), now;
}

}  // namespace

std::string PostgresStore::connectionString(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        throw StoreException("store.url is not a PostgreSQL connection URI: " + why);
    }
    std::string result;
    std::string spaced;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || !*o->val) continue;
        const std::string value = o->val;
        if (value.find_first_of(" \t") != std::string::npos) spaced = o->keyword;
        result += std::string(result.empty() ? "" : " ") + o->keyword + "=" + value;
    }
    PQconninfoFree(options);
    if (!spaced.empty()) {
        throw StoreException("store.url: the " + spaced +
                             " holds a space, which the PostgreSQL connector cannot pass on");
    }
    return result;
}

PostgresStore::PostgresStore(const std::string& url, int connections)
    : _free(connections, connections) {
    const std::string settings = connectionString(url);
    guarded("cannot open the PostgreSQL database", [&] {
        Poco::Data::PostgreSQL::Connector::registerConnector();
        _pool = std::make_unique<Poco::Data::SessionPool>("PostgreSQL", settings, 1, connections);
        Lease lease(*_pool, _free);
        PostgresMigrations::apply(lease.session());
        return 0;
    });
}

int PostgresStore::schemaVersion() {
    return guarded("reading the schema version", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return PostgresMigrations::version(s);
    });
}

namespace {

// Stores a case's first version, unless the case id is taken.
WriteResult insertFirst(Session& s, const CaseRecord& first) {
    std::vector<std::string> values = summaryValues(first);
    Statement claim(s);
    claim << "INSERT INTO cases (case_id, version, written_at, " << kSummaryColumns << ") VALUES ("
          << placeholders(true, 1, 3 + summaryColumnCount())
          << ") ON CONFLICT (case_id) DO NOTHING",
        useRef(first.caseId), useRef(first.version), useRef(first.writtenAt);
    bindAll(claim, values);
    if (claim.execute() == 0) return WriteResult::exists;
    insertVersion(s, first);
    return WriteResult::ok;
}

// Appends audit entries inside the caller's transaction, chained after the newest entry.
// Sequence numbers are handed out at INSERT but become visible at COMMIT; holding the table's
// write lock until then makes the two orders the same across every instance on the database,
// and keeps the newest entry the newest while the batch is linked after it (AuditChain.h).
// seq is given explicitly because it is part of each hash.
void insertAudit(Session& s, const std::vector<AuditEntry>& entries) {
    if (entries.empty()) return;
    s << "LOCK TABLE audit IN EXCLUSIVE MODE", now;
    std::vector<Poco::Int64> lastSeq;
    std::vector<std::string> lastHash;
    s << "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", into(lastSeq), into(lastHash),
        now;
    Poco::Int64 seq = lastSeq.empty() ? 0 : lastSeq.front();
    std::string previous = lastHash.empty() ? "" : lastHash.front();
    for (AuditEntry e : entries) {
        e = AuditChain::stored(e);
        e.seq = ++seq;
        AuditChain::link(e, previous);
        previous = e.hash;
        s << "INSERT INTO audit (seq, at, user_name, role, action, case_id, outcome,"
             " request_id, detail, prev_hash, hash) OVERRIDING SYSTEM VALUE"
             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            bind(seq), useRef(e.at), useRef(e.user), useRef(e.role), useRef(e.action),
            useRef(e.caseId), useRef(e.outcome), useRef(e.requestId), useRef(e.detail),
            useRef(e.prevHash), useRef(e.hash), now;
    }
}

}  // namespace

WriteResult PostgresStore::createCase(const CaseRecord& first,
                                      const std::vector<AuditEntry>& audit) {
    return guarded("storing a new case", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            const WriteResult result = insertFirst(s, first);
            if (result == WriteResult::ok) insertAudit(s, audit);
            return result;
        });
    });
}

std::vector<WriteResult> PostgresStore::createCases(const std::vector<CaseRecord>& firsts,
                                                    const std::vector<AuditEntry>& audit) {
    return guarded("storing new cases", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            std::vector<WriteResult> results;
            std::vector<AuditEntry> stored;
            for (std::size_t i = 0; i < firsts.size(); ++i) {
                results.push_back(insertFirst(s, firsts[i]));
                if (results.back() == WriteResult::ok && i < audit.size())
                    stored.push_back(audit[i]);
            }
            insertAudit(s, stored);
            return results;
        });
    });
}

WriteResult PostgresStore::updateCase(const CaseRecord& next,
                                      const std::vector<StoredDocument>& documents,
                                      const std::vector<AuditEntry>& audit) {
    return guarded("storing a case version", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            // The conditional UPDATE is the lock: a second writer from the same version waits
            // for the first to commit, then finds the version moved on and changes nothing.
            const int base = next.version - 1;
            std::vector<std::string> values = summaryValues(next);
            Statement advance(s);
            advance << "UPDATE cases SET version = $1, written_at = $2, "
                    << summaryAssignments(true, 3) << " WHERE case_id = $"
                    << 3 + summaryColumnCount() << " AND version = $" << 4 + summaryColumnCount(),
                useRef(next.version), useRef(next.writtenAt);
            bindAll(advance, values);
            advance, useRef(next.caseId), bind(base);
            if (advance.execute() == 0) {
                int found = 0;
                s << "SELECT COUNT(*) FROM cases WHERE case_id = $1", useRef(next.caseId),
                    into(found), now;
                return found ? WriteResult::stale : WriteResult::notFound;
            }
            insertVersion(s, next);
            for (const StoredDocument& doc : documents) insertDocument(s, doc);
            insertAudit(s, audit);
            return WriteResult::ok;
        });
    });
}

std::optional<CaseRecord> PostgresStore::currentCase(const std::string& caseId) {
    return guarded("reading a case", [&]() -> std::optional<CaseRecord> {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        VersionRows rows(true);
        Statement select(s);
        select << "SELECT " << kVersionColumns
               << " FROM cases c JOIN case_versions v"
                  " ON v.case_id = c.case_id AND v.version = c.version WHERE c.case_id = $1",
            useRef(caseId);
        rows.bindTo(select);
        select.execute();
        if (rows.caseId.empty()) return std::nullopt;
        return rows.records().front();
    });
}

std::optional<CaseRecord> PostgresStore::currentHead(const std::string& caseId) {
    return guarded("reading a case", [&]() -> std::optional<CaseRecord> {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        VersionRows rows(true);
        Statement select(s);
        select
            << "SELECT v.case_id, v.version, '' AS json, v.team, v.status, v.lead_worker,"
               " v.family_name, v.author, v.written_at, v.action, c.level_of_need,"
               " c.lead_worker_name, c.ready_to_close, c.blocking_count, c.late_count, c.next_due,"
               " c.summary_as_of, c.next_due_what FROM cases c"
               " JOIN case_versions v ON v.case_id = c.case_id AND v.version = c.version"
               " WHERE c.case_id = $1",
            useRef(caseId);
        rows.bindTo(select);
        select.execute();
        if (rows.caseId.empty()) return std::nullopt;
        return rows.records().front();
    });
}

std::vector<CaseRecord> PostgresStore::caseHistory(const std::string& caseId) {
    return guarded("reading a case history", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        VersionRows rows(false);
        Statement select(s);
        select << "SELECT v.case_id, v.version, '' AS json, v.team, v.status, v.lead_worker,"
                  " v.family_name, v.author, v.written_at, v.action FROM case_versions v"
                  " WHERE v.case_id = $1 ORDER BY v.version",
            useRef(caseId);
        rows.bindTo(select);
        select.execute();
        return rows.records();
    });
}

std::vector<CaseRecord> PostgresStore::listCases(const CaseFilter& filter) {
    return guarded("listing cases", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        VersionRows rows(true);
        Statement select(s);
        select << "SELECT " << kVersionColumns
               << " FROM cases c JOIN case_versions v"
                  " ON v.case_id = c.case_id AND v.version = c.version"
                  " WHERE ($1 = '' OR v.team = $1) AND ($2 = '' OR v.status = $2)"
                  " AND ($3 = '' OR v.lead_worker = $3) ORDER BY v.case_id",
            useRef(filter.team), useRef(filter.status), useRef(filter.leadWorker);
        rows.bindTo(select);
        select.execute();
        return rows.records();
    });
}

std::size_t PostgresStore::caseCount() {
    return guarded("counting cases", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM cases", into(count), now;
        return static_cast<std::size_t>(count);
    });
}

std::optional<StoredDocument> PostgresStore::document(const std::string& docId) {
    return guarded("reading a document", [&]() -> std::optional<StoredDocument> {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        auto found = selectDocuments(s, documentsWhere("doc_id"), docId);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<StoredDocument> PostgresStore::caseDocuments(const std::string& caseId) {
    return guarded("reading a case's documents", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return selectDocuments(s, documentsWhere("case_id"), caseId);
    });
}

WriteResult PostgresStore::addUser(const User& user) {
    return guarded("adding a user", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        Statement insert(s);
        const int disabled = user.disabled ? 1 : 0;
        insert << "INSERT INTO users (name, role, team, token_hash, created_at, password_hash,"
                  " disabled, worker) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                  " ON CONFLICT (name) DO NOTHING",
            useRef(user.name), useRef(user.role), useRef(user.team), useRef(user.tokenHash),
            useRef(user.createdAt), useRef(user.passwordHash), useRef(disabled),
            useRef(user.worker);
        return insert.execute() == 0 ? WriteResult::exists : WriteResult::ok;
    });
}

WriteResult PostgresStore::replaceToken(const std::string& name, const std::string& tokenHash) {
    return updateUser(name, "replacing a token", "token_hash", tokenHash);
}

WriteResult PostgresStore::setPassword(const std::string& name, const std::string& passwordHash) {
    return updateUser(name, "setting a password", "password_hash", passwordHash);
}

WriteResult PostgresStore::setTeam(const std::string& name, const std::string& team) {
    return updateUser(name, "moving a user to another team", "team", team);
}

WriteResult PostgresStore::setWorker(const std::string& name, const std::string& worker) {
    return updateUser(name, "linking a worker id", "worker", worker);
}

WriteResult PostgresStore::setDisabled(const std::string& name, bool disabled) {
    return guarded("disabling a user", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        Statement update(s);
        const int value = disabled ? 1 : 0;
        update << "UPDATE users SET disabled = $1 WHERE name = $2", useRef(value), useRef(name);
        return update.execute() == 0 ? WriteResult::notFound : WriteResult::ok;
    });
}

WriteResult PostgresStore::updateUser(const std::string& name, const std::string& what,
                                      const std::string& column, const std::string& value) {
    return guarded(what, [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        Statement update(s);
        update << "UPDATE users SET " + column + " = $1 WHERE name = $2", useRef(value),
            useRef(name);
        return update.execute() == 0 ? WriteResult::notFound : WriteResult::ok;
    });
}

std::optional<User> PostgresStore::userByTokenHash(const std::string& tokenHash) {
    return guarded("looking up a token", [&]() -> std::optional<User> {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        std::vector<User> found = selectUsers(s, "token_hash = $1 AND disabled = 0", tokenHash);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::optional<User> PostgresStore::userByName(const std::string& name) {
    return guarded("looking up a user", [&]() -> std::optional<User> {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        std::vector<User> found = selectUsers(s, "name = $1", name);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<User> PostgresStore::users() {
    return guarded("listing users", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return selectUsers(s, "", "");
    });
}

void PostgresStore::appendAudit(const std::vector<AuditEntry>& entries) {
    if (entries.empty()) return;
    guarded("appending to the audit trail", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            insertAudit(s, entries);
            return 0;
        });
    });
}

void PostgresStore::probeWrite() {
    guarded("the database cannot be written", [&] {
        // A write transaction that writes nothing: fails when the server is gone, refuses
        // writes (a read-only standby, default_transaction_read_only) or the pool is spent.
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            s << "LOCK TABLE cases IN ROW EXCLUSIVE MODE", now;
            return 0;
        });
    });
}

std::vector<AuditEntry> PostgresStore::audit(const AuditQuery& q) {
    return guarded("reading the audit trail", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        std::vector<Poco::Int64> seqs;
        std::vector<std::string> at, user, role, action, caseId, outcome, requestId, detail,
            prevHash, hash;
        const Poco::Int64 limit = static_cast<Poco::Int64>(
            std::min<std::size_t>(q.limit, std::numeric_limits<Poco::Int64>::max()));
        s << "SELECT seq, at, user_name, role, action, case_id, outcome, request_id, detail,"
             " prev_hash, hash FROM audit WHERE ($1 = '' OR case_id = $1) AND ($2 = '' OR "
             "user_name = $2)"
             " AND ($3 = '' OR at >= $3) AND ($4 = '' OR at <= $4) AND seq > $5"
             " AND ($6 = 0 OR seq < $6) ORDER BY seq"
          << (q.newestFirst ? " DESC" : "") << " LIMIT $7",
            useRef(q.caseId), useRef(q.user), useRef(q.from), useRef(q.to),
            bind(static_cast<Poco::Int64>(q.afterSeq)), bind(static_cast<Poco::Int64>(q.beforeSeq)),
            useRef(limit), into(seqs), into(at), into(user), into(role), into(action), into(caseId),
            into(outcome), into(requestId), into(detail), into(prevHash), into(hash), now;
        std::vector<AuditEntry> found(seqs.size());
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            found[i] =
                AuditEntry{seqs[i],    at[i],        user[i],   role[i],     action[i], caseId[i],
                           outcome[i], requestId[i], detail[i], prevHash[i], hash[i]};
        }
        return found;
    });
}

std::size_t PostgresStore::auditCount(const AuditQuery& q) {
    return guarded("counting the audit trail", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM audit WHERE ($1 = '' OR case_id = $1)"
             " AND ($2 = '' OR user_name = $2) AND ($3 = '' OR at >= $3) AND ($4 = '' OR at <= $4)",
            useRef(q.caseId), useRef(q.user), useRef(q.from), useRef(q.to), into(count), now;
        return static_cast<std::size_t>(count);
    });
}

std::vector<std::pair<std::string, std::string>> PostgresStore::leadWorkers(
    const std::string& team) {
    return guarded("listing lead workers", [&] {
        Lease lease(*_pool, _free);
        return selectLeadWorkers(lease.session(), team, true);
    });
}

void PostgresStore::bulkLoaded() {
    guarded("updating the database's statistics after an import", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        // Not in a transaction: VACUUM runs on its own.
        s << "VACUUM (ANALYZE) cases", now;
        s << "VACUUM (ANALYZE) case_versions", now;
        return true;
    });
}

CasePage PostgresStore::casePage(const CasePageQuery& query) {
    return guarded("reading a page of cases", [&] {
        Lease lease(*_pool, _free);
        return readCasePage(lease.session(), query, true);
    });
}

WriteResult PostgresStore::refreshSummary(const CaseRecord& summary) {
    return guarded("refreshing a case summary", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        return inTransaction(s, [&] {
            // The identifying columns stay those of the stored version; the row is locked so
            // that a write cannot slip in between.
            CaseRecord merged = summary;
            std::vector<int> version;
            std::vector<std::string> team, status, lead, family;
            s << "SELECT version, team, status, lead_worker, family_name FROM cases"
                 " WHERE case_id = $1 FOR UPDATE",
                useRef(summary.caseId), into(version), into(team), into(status), into(lead),
                into(family), now;
            if (version.empty()) return WriteResult::notFound;
            if (version.front() != summary.version) return WriteResult::stale;
            merged.team = team.front();
            merged.status = status.front();
            merged.leadWorker = lead.front();
            merged.familyName = family.front();
            std::vector<std::string> values = summaryValues(merged);
            Statement update(s);
            update << "UPDATE cases SET " << summaryAssignments(true) << " WHERE case_id = $"
                   << 1 + summaryColumnCount();
            bindAll(update, values);
            update, useRef(summary.caseId);
            update.execute();
            return WriteResult::ok;
        });
    });
}

std::vector<std::string> PostgresStore::staleSummaries(const std::string& asOf, std::size_t limit) {
    return guarded("finding stale case summaries", [&] {
        Lease lease(*_pool, _free);
        Session& s = lease.session();
        std::vector<std::string> ids;
        const Poco::Int64 most = static_cast<Poco::Int64>(limit);
        s << "SELECT case_id FROM cases WHERE summary_as_of < $1"
             " ORDER BY summary_as_of, case_id LIMIT $2",
            useRef(asOf), bind(most), into(ids), now;
        return ids;
    });
}

}  // namespace ehdocs::store
