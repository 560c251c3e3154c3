#pragma once

// The page groups of the web app (internal to service/web). Each adds its routes, all of
// which need a signed-in user, through `add`.

#include <functional>
#include <string>

#include "http/ApiExchange.h"

namespace ehdocs::web {

struct Page;
class WebContext;

using PageHandler = std::function<http::ApiResponse(Page&)>;
using AddRoute =
    std::function<void(const std::string& method, const std::string& pattern, PageHandler)>;

// /cases, /cases/{id} and everything done to one case (docs/web.md, "Cases").
namespace CasePages {
void addRoutes(WebContext& web, const AddRoute& add);
}

// The forms that write a case file: the closure record and uploading a case file.
namespace CaseForms {
void addRoutes(WebContext& web, const AddRoute& add);
}

// /sf and /kpi with their workbooks.
namespace ProgrammePages {
void addRoutes(WebContext& web, const AddRoute& add);
}

// /admin: users and the audit trail.
namespace AdminPages {
void addRoutes(WebContext& web, const AddRoute& add);
}

}  // namespace ehdocs::web
