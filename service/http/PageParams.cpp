#include "http/PageParams.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "case/Date.h"
#include "server/CaseService.h"
#include "server/Errors.h"
#include "server/PageCursor.h"

namespace ehdocs::http {

namespace {

constexpr std::size_t kDefaultPage = 50;

std::size_t limit(const ApiRequest& request) {
    const std::string text = request.param("limit");
    if (text.empty()) return kDefaultPage;
    unsigned value = 0;
    if (!Poco::NumberParser::tryParseUnsigned(text, value) || value < 1 ||
        value > server::kMaxPage) {
        throw server::BadRequestException("limit: \"" + text + "\" is not a number from 1 to " +
                                          std::to_string(server::kMaxPage));
    }
    return value;
}

std::optional<bool> flag(const ApiRequest& request, const std::string& name) {
    const std::string text = request.param(name);
    if (text.empty()) return std::nullopt;
    if (text == "true") return true;
    if (text == "false") return false;
    throw server::BadRequestException(name + ": \"" + text + "\" is not true or false");
}

std::string date(const ApiRequest& request, const std::string& name) {
    const std::string text = request.param(name);
    if (!text.empty() && !Date::parse(text)) {
        throw server::BadRequestException(name + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
    }
    return text;
}

constexpr std::size_t kMaxSearch = 100;

}  // namespace

store::CasePageQuery caseQuery(const ApiRequest& request) {
    store::CasePageQuery query;
    query.limit = limit(request);
    const std::string sort = request.param("sort");
    if (!sort.empty()) {
        const std::optional<store::CaseSort> parsed = store::parseSort(sort);
        if (!parsed) {
            throw server::BadRequestException("sort: \"" + sort +
                                              "\" is not action, case_id, family or due");
        }
        query.sort = *parsed;
    }
    const std::string cursor = request.param("cursor");
    if (!cursor.empty()) query.after = server::decodeCaseCursor(cursor, query.sort);
    query.team = request.param("team");
    query.status = request.param("status");
    query.leadWorker = request.param("lead_worker");
    query.ready = flag(request, "ready");
    query.late = flag(request, "late");
    query.dueBefore = date(request, "due_before");
    query.search = Poco::trim(request.param("q"));
    if (query.search.size() > kMaxSearch) {
        throw server::BadRequestException("q: a search is at most " + std::to_string(kMaxSearch) +
                                          " characters (part of a case id or a family name)");
    }
    return query;
}

store::AuditQuery auditQuery(const ApiRequest& request) {
    store::AuditQuery query;
    query.limit = limit(request);
    const std::string cursor = request.param("cursor");
    if (!cursor.empty()) query.afterSeq = server::decodeAuditCursor(cursor);
    query.caseId = request.param("case");
    query.user = request.param("user");
    query.from = request.param("from");
    query.to = request.param("to");
    return query;
}

}  // namespace ehdocs::http
