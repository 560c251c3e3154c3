#pragma once

// Reading rows through Poco::Data, shared by the SQLite and PostgreSQL stores (internal to
// the store library). The two differ in their SQL (placeholders, the column that keeps issue
// order), which the callers write; the binding and reading of rows is here, once.

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <string>
#include <utility>
#include <vector>

#include "store/Store.h"

namespace ehdocs::store {

// Binds each value, in order, to the statement's placeholders.
void bindAll(Poco::Data::Statement& statement, std::vector<std::string>& values);

// Every column of one row, as text.
std::vector<std::string> rowAt(Poco::Data::RecordSet& rows, std::size_t row);

// The columns selectDocuments() reads, in its order.
extern const char* const kDocumentColumns;
// The documents `sql` selects (kDocumentColumns, with `value` for its one placeholder).
std::vector<StoredDocument> selectDocuments(Poco::Data::Session& session, const std::string& sql,
                                            const std::string& value);

// The users matching `where` (a condition on one placeholder, bound to `value`; "" = every
// user), ordered by name.
std::vector<User> selectUsers(Poco::Data::Session& session, const std::string& where,
                              const std::string& value);

// Store::leadWorkers() on `session` (CasePageSql.h's leadWorkersSql; `dollar` as there).
std::vector<std::pair<std::string, std::string>> selectLeadWorkers(Poco::Data::Session& session,
                                                                   const std::string& team,
                                                                   bool dollar);

// Store::casePage() on `session`: the page and its total (CasePageSql.h; `dollar` as there).
CasePage readCasePage(Poco::Data::Session& session, const CasePageQuery& query, bool dollar);

}  // namespace ehdocs::store
