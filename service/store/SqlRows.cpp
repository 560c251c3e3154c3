#include "store/SqlRows.h"

#include <Poco/Data/LOB.h>

#include "store/CasePageSql.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace ehdocs::store {

void bindAll(Statement& statement, std::vector<std::string>& values) {
    for (std::string& value : values) statement.addBind(useRef(value));
}

std::vector<std::string> rowAt(RecordSet& rows, std::size_t row) {
    std::vector<std::string> values;
    for (std::size_t column = 0; column < rows.columnCount(); ++column) {
        values.push_back(rows.value(column, row).convert<std::string>());
    }
    return values;
}

const char* const kDocumentColumns =
    "doc_id, case_id, case_version, type, format, content_type, sha256, bytes, created_by,"
    " created_at";

std::vector<StoredDocument> selectDocuments(Session& session, const std::string& sql,
                                            const std::string& value) {
    std::vector<std::string> ids, cases, types, formats, contentTypes, hashes, by, at;
    std::vector<int> versions;
    std::vector<Poco::Data::BLOB> blobs;
    std::string bound = value;
    session << sql, useRef(bound), into(ids), into(cases), into(versions), into(types),
        into(formats), into(contentTypes), into(hashes), into(blobs), into(by), into(at), now;
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

std::vector<User> selectUsers(Session& session, const std::string& where,
                              const std::string& value) {
    std::vector<std::string> names, roles, teams, tokens, created, passwords, workers;
    std::vector<int> disabled;
    Statement select(session);
    select << "SELECT name, role, team, token_hash, created_at, password_hash, disabled, worker"
              " FROM users" +
                  (where.empty() ? std::string() : " WHERE " + where) + " ORDER BY name",
        into(names), into(roles), into(teams), into(tokens), into(created), into(passwords),
        into(disabled), into(workers);
    std::string bound = value;
    if (!where.empty()) select, useRef(bound);
    select.execute();
    std::vector<User> users;
    for (std::size_t i = 0; i < names.size(); ++i) {
        users.push_back(User{names[i], roles[i], teams[i], tokens[i], created[i], passwords[i],
                             disabled[i] != 0, workers[i]});
    }
    return users;
}

std::vector<std::pair<std::string, std::string>> selectLeadWorkers(Session& session,
                                                                   const std::string& team,
                                                                   bool dollar) {
    std::vector<std::string> ids, names;
    std::string bound = team;
    Statement select(session);
    select << leadWorkersSql(dollar, !team.empty()), into(ids), into(names);
    if (!team.empty()) select, useRef(bound);
    select.execute();
    std::vector<std::pair<std::string, std::string>> leads;
    for (std::size_t i = 0; i < ids.size(); ++i) leads.push_back({ids[i], names[i]});
    return leads;
}

CasePage readCasePage(Session& session, const CasePageQuery& query, bool dollar) {
    CasePageSql sql = casePageSql(query, dollar);
    CasePage page;
    Statement select(session);
    select << sql.select;
    bindAll(select, sql.params);
    select.execute();
    RecordSet rows(select);
    // One row more than the limit says whether a next page follows; the cursor is the last
    // shown row's sort key (the select's last column) and case id.
    std::vector<std::string> previous;
    for (std::size_t row = 0; row < rows.rowCount(); ++row) {
        std::vector<std::string> values = rowAt(rows, row);
        if (page.cases.size() == query.limit) {
            page.next = CaseCursor{previous.back(), page.cases.back().caseId};
            break;
        }
        page.cases.push_back(summaryFrom(values, query.withJson));
        previous = std::move(values);
    }
    std::vector<std::string> countParams(sql.params.begin(), sql.params.begin() + sql.countParams);
    Statement count(session);
    Poco::Int64 total = 0;
    count << sql.count, into(total);
    bindAll(count, countParams);
    count.execute();
    page.total = static_cast<std::size_t>(total);
    return page;
}

}  // namespace ehdocs::store
