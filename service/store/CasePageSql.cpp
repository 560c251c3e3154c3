#include "store/CasePageSql.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

namespace ehdocs::store {

const char* const kSummaryColumns =
    "team, status, lead_worker, family_name, level_of_need, ready_to_close, blocking_count,"
    " late_count, next_due, summary_as_of, action_key, family_key, due_key, lead_worker_name,"
    " next_due_what";

std::vector<std::string> summaryValues(const CaseRecord& r) {
    return {r.team,
            r.status,
            r.leadWorker,
            r.familyName,
            r.levelOfNeed,
            r.readyToClose ? "1" : "0",
            std::to_string(r.blockingCount),
            std::to_string(r.lateCount),
            r.nextDue,
            r.summaryAsOf,
            sortKey(r, CaseSort::action),
            sortKey(r, CaseSort::family),
            sortKey(r, CaseSort::due),
            r.leadWorkerName,
            r.nextDueWhat};
}

std::size_t summaryColumnCount() {
    return summaryValues(CaseRecord{}).size();
}

std::string placeholders(bool dollar, std::size_t first, std::size_t count) {
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
        list += (i ? ", " : "") + (dollar ? "$" + std::to_string(first + i) : std::string("?"));
    }
    return list;
}

std::string summaryAssignments(bool dollar, std::size_t first) {
    std::string columns = kSummaryColumns, result;
    std::size_t start = 0, index = first;
    while (start < columns.size()) {
        std::size_t end = columns.find(',', start);
        if (end == std::string::npos) end = columns.size();
        std::string name = columns.substr(start, end - start);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        result += (result.empty() ? "" : ", ") + name + " = " +
                  (dollar ? "$" + std::to_string(index) : std::string("?"));
        ++index;
        start = end + 1;
    }
    return result;
}

namespace {

const char* keyColumn(CaseSort sort) {
    switch (sort) {
        case CaseSort::action:
            return "action_key";
        case CaseSort::family:
            return "family_key";
        case CaseSort::due:
            return "due_key";
        case CaseSort::caseId:
            return "case_id";
    }
    return "case_id";
}

class Builder {
public:
    explicit Builder(bool dollar) : _dollar(dollar) {}

    std::string param(const std::string& value) {
        params.push_back(value);
        return _dollar ? "$" + std::to_string(params.size()) : "?";
    }

    void where(const std::string& condition) {
        conditions += (conditions.empty() ? " WHERE " : " AND ") + condition;
    }

    std::vector<std::string> params;
    std::string conditions;

private:
    bool _dollar;
};

// A LIKE pattern finding `text` anywhere, its own % _ and \ taken literally (ESCAPE '\').
std::string containing(const std::string& text) {
    std::string pattern = "%";
    for (char c : Poco::toLower(text)) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

}  // namespace

CasePageSql casePageSql(const CasePageQuery& q, bool dollar) {
    Builder b(dollar);
    if (!q.team.empty()) b.where("team = " + b.param(q.team));
    if (!q.status.empty()) b.where("status = " + b.param(q.status));
    if (!q.leadWorker.empty()) b.where("lead_worker = " + b.param(q.leadWorker));
    if (q.ready) b.where(std::string("ready_to_close = ") + (*q.ready ? "1" : "0"));
    if (q.late) b.where(*q.late ? "late_count > 0" : "late_count = 0");
    if (!q.dueBefore.empty()) b.where("next_due <> '' AND next_due < " + b.param(q.dueBefore));
    if (!q.search.empty()) {
        const std::string pattern = containing(q.search);
        b.where("(lower(case_id) LIKE " + b.param(pattern) +
                " ESCAPE '\\' OR lower(family_name) LIKE " + b.param(pattern) + " ESCAPE '\\')");
    }

    CasePageSql sql;
    sql.count = "SELECT COUNT(*) FROM cases" + b.conditions;
    sql.countParams = b.params.size();

    const std::string key = keyColumn(q.sort);
    if (q.after) {
        if (q.sort == CaseSort::caseId) {
            b.where("case_id > " + b.param(q.after->caseId));
        } else {
            // A row value: both databases read it as a range of the (key, case_id) index.
            const std::string k = b.param(q.after->key);
            b.where("(" + key + ", case_id) > (" + k + ", " + b.param(q.after->caseId) + ")");
        }
    }
    const std::string order =
        q.sort == CaseSort::caseId ? " ORDER BY case_id" : " ORDER BY " + key + ", case_id";
    // A subquery rather than a join: the filters name columns that case_versions has too.
    const std::string json = q.withJson ? " (SELECT v.json FROM case_versions v WHERE v.case_id ="
                                          " cases.case_id AND v.version = cases.version) AS json,"
                                        : "";
    sql.select = "SELECT case_id, version, written_at, " + std::string(kSummaryColumns) + "," +
                 json + " " + key + " AS sort_key FROM cases" + b.conditions + order + " LIMIT " +
                 std::to_string(q.limit + 1);
    sql.params = b.params;
    return sql;
}

std::string leadWorkersSql(bool dollar, bool byTeam) {
    const std::string where =
        " WHERE " + std::string(byTeam ? (dollar ? "team = $1 AND " : "team = ?1 AND ") : "");
    // SQLite's planner, without statistics, would take the wider index of filters.
    const std::string cases = dollar   ? " FROM cases"
                              : byTeam ? " FROM cases INDEXED BY cases_team_leads"
                                       : " FROM cases INDEXED BY cases_leads";
    // PostgreSQL orders names byte by byte, as SQLite does (its own order is the locale's).
    const std::string bytes = dollar ? " COLLATE \"C\"" : "";
    const std::string first = "SELECT MIN(lead_worker)" + cases + where + "lead_worker > ''";
    const std::string next =
        "SELECT (SELECT MIN(lead_worker)" + cases + where + "lead_worker > w.id)";
    const std::string name =
        "(SELECT MAX(lead_worker_name)" + cases + where + "lead_worker = w.id)";
    return "WITH RECURSIVE w(id) AS (" + first + " UNION ALL " + next +
           " FROM w WHERE w.id IS NOT NULL) SELECT id, name FROM (SELECT id, " + name +
           " AS name FROM w WHERE id IS NOT NULL) leads ORDER BY name" + bytes + ", id" + bytes;
}

CaseRecord summaryFrom(const std::vector<std::string>& row, bool withJson) {
    CaseRecord r;
    if (withJson) r.json = row[row.size() - 2];
    r.caseId = row[0];
    r.version = Poco::NumberParser::parse(row[1]);
    r.writtenAt = row[2];
    r.team = row[3];
    r.status = row[4];
    r.leadWorker = row[5];
    r.familyName = row[6];
    r.levelOfNeed = row[7];
    r.readyToClose = row[8] == "1";
    r.blockingCount = Poco::NumberParser::parse(row[9]);
    r.lateCount = Poco::NumberParser::parse(row[10]);
    r.nextDue = row[11];
    r.summaryAsOf = row[12];
    r.leadWorkerName = row[16];
    r.nextDueWhat = row[17];
    return r;
}

}  // namespace ehdocs::store
