#pragma once

// The SQL of Store::casePage(), shared by the SQLite and PostgreSQL stores (internal to the
// store library). Both keep each case's summary and sort keys in its `cases` row, so a page is
// one query over an index and the total one count.

#include <string>
#include <vector>

#include "store/Store.h"

namespace ehdocs::store {

// The columns of `cases` that hold a summary, in the order summaryValues() gives them.
extern const char* const kSummaryColumns;  // "team, status, ... due_key"

// The values of kSummaryColumns for `record`, as text (counts and flags as digits).
std::vector<std::string> summaryValues(const CaseRecord& record);

// "team = ?, status = ?, ..." (or $first, $first+1, ...): setting every summary column.
std::string summaryAssignments(bool dollar, std::size_t first = 1);

// How many columns kSummaryColumns names.
std::size_t summaryColumnCount();

// "?, ?, ?" or "$first, ..., $(first+count-1)".
std::string placeholders(bool dollar, std::size_t first, std::size_t count);

struct CasePageSql {
    std::string select;               // the page, one row more than the limit
    std::string count;                // the total
    std::vector<std::string> params;  // for select; count takes the first `countParams`
    std::size_t countParams = 0;
};

// `dollar`: PostgreSQL's $1, $2 placeholders; otherwise SQLite's ?. The select's columns:
// case_id, version, written_at, then kSummaryColumns, then json (with query.withJson), then
// sort_key (always the last).
CasePageSql casePageSql(const CasePageQuery& query, bool dollar);

// Store::leadWorkers(): the rows (id, name), of `team`'s cases when `byTeam` (its one
// parameter), else of every case. A walk of the index of lead workers, one seek per worker (a
// GROUP BY would read every case of the team).
std::string leadWorkersSql(bool dollar, bool byTeam);

// The row's columns read back into a record (the order of casePageSql's select); its json
// too when the select has it.
CaseRecord summaryFrom(const std::vector<std::string>& row, bool withJson = false);

}  // namespace ehdocs::store
