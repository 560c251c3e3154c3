#pragma once

// Versioned schema migrations for PostgresStore: the same schema as Migrations.h (SQLite),
// written in PostgreSQL's dialect. The schema version is the highest row of `ehdocs_schema`;
// migration N moves it from N-1 to N in one transaction, holding an advisory lock so that two
// instances starting together on one database migrate it once. Migrations are only ever
// appended to this list, never edited once released.

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace ehdocs::store {

class PostgresMigrations {
public:
    // Each migration is a list of SQL statements.
    static const std::vector<std::vector<std::string>>& all();

    // Applies every migration above the database's version and returns the version reached.
    // Throws StoreException when the database is newer than this program, or a migration
    // fails (that migration is rolled back).
    static int apply(Poco::Data::Session& session);

    // The database's schema version (0 for an empty database).
    static int version(Poco::Data::Session& session);
};

}  // namespace ehdocs::store
