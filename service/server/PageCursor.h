#pragma once

// The cursors of paged lists (GET /api/v1/cases, GET /api/v1/audit): opaque to clients
// (URL-safe base64 of where the page ended), given back as `cursor` to get the next page.
// A cursor that this service did not give for the same list in the same order is refused
// with BadRequestException, never misread.

#include <string>

#include "store/Store.h"

namespace ehdocs::server {

std::string encodeCaseCursor(store::CaseSort sort, const store::CaseCursor& at);
store::CaseCursor decodeCaseCursor(const std::string& cursor, store::CaseSort sort);

std::string encodeAuditCursor(long long seq);
long long decodeAuditCursor(const std::string& cursor);

}  // namespace ehdocs::server
