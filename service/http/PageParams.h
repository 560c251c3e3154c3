#pragma once

// The query parameters of the paged lists, read into the domain's queries. Every problem is a
// server::BadRequestException naming the parameter and what it may be.
//   GET /api/v1/cases  limit (1-500, default 50) cursor sort (action | case_id | family | due)
//                      team status lead_worker ready (true|false) late (true|false)
//                      due_before (YYYY-MM-DD) q (a search: part of a case id or family name)
//   GET /api/v1/audit  limit cursor case user from to

#include "http/ApiExchange.h"
#include "store/Store.h"

namespace ehdocs::http {

store::CasePageQuery caseQuery(const ApiRequest& request);
store::AuditQuery auditQuery(const ApiRequest& request);

}  // namespace ehdocs::http
