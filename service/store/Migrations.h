#pragma once

// Versioned schema migrations for SqliteStore. The schema version is SQLite's `user_version`;
// migration N (1-based) moves the schema from version N-1 to N, in one transaction. Migrations
// are only ever appended to this list, never edited once released.

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace ehdocs::store {

class Migrations {
public:
    // Each migration is a list of SQL statements.
    static const std::vector<std::vector<std::string>>& all();

    // Applies every migration above the database's version. Throws StoreException when the
    // database is newer than this program, or a migration fails (that migration is rolled back).
    static int apply(Poco::Data::Session& session);

    // Steps written in SQL that SQLite and PostgreSQL both take, shared by their migrations:
    // the web app's password hash and the disabled flag on users; the audit trail's hash-chain
    // columns (AuditChain.h).
    static std::vector<std::string> userSignInColumns();
    static std::vector<std::string> auditChainColumns();
    // Schema 5 of both, for the caseload: what is due next kept beside its date (every
    // summary is marked as never computed, so that the service renews each: a few per list,
    // the sweep the rest), and the worker id of each user.
    static std::vector<std::string> caseloadColumns();
};

}  // namespace ehdocs::store
