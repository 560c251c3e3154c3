#include "server/ClosureGate.h"

#include "server/CaseJson.h"
#include "server/Errors.h"

using Poco::JSON::Object;

namespace ehdocs::server {

void ClosureGate::refuseClosingByEdit(const std::string& caseId, const std::string& before,
                                      const std::string& after) {
    Object::Ptr written = CaseJson::parse(after);
    const auto refuse = [&](const std::string& field, const std::string& what) {
        ClosureByCloseOnlyException error(
            field + ": " + what + "; only POST /api/v1/cases/" + caseId +
            "/close closes a case, once it is ready, and only POST .../reopen reopens one");
        Object::Ptr details = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        details->set("field", field);
        error.setDetails(details);
        throw error;
    };
    if (written->optValue<std::string>("status", "") == "closed") {
        refuse("status", "a written case file may not set status \"closed\"; send \"open\"");
    }
    const std::string was = before.empty() ? "" : CaseJson::authorisedText(CaseJson::parse(before));
    if (CaseJson::authorisedText(written) != was) {
        refuse("closure.authorised",
               was.empty() ? "a written case file may not add the closure's sign-off"
                           : "a written case file must keep the closure's sign-off as stored");
    }
}

void ClosureGate::refuseWhenClosed(const store::CaseRecord& current) {
    if (current.status != "closed") return;
    throw CaseClosedException("case " + current.caseId +
                              " is closed, so it is read-only: a team leader reopens it first "
                              "(POST /api/v1/cases/" +
                              current.caseId + "/reopen with a reason)");
}

bool ClosureGate::isClosed(const Case& kase) {
    return kase.status == "closed" || (kase.closure && kase.closure->authorised);
}

}  // namespace ehdocs::server
