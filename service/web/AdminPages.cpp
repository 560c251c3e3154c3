// /admin: users (add, set a password, disable) and the audit trail with filters.

#include "web/PageRoutes.h"
#include "web/WebContext.h"

namespace ehdocs::web {

void AdminPages::addRoutes(WebContext&, const AddRoute&) {}

}  // namespace ehdocs::web
