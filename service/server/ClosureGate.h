#pragma once

// The closure gate (docs/api.md, "Closing, reopening and the read-only rule"): a case is
// closed only by POST .../close, which first checks that it is ready, and a closed case is
// read-only until POST .../reopen. These are the checks the other writes make to keep it so.

#include <string>

#include "case/Case.h"
#include "store/Store.h"

namespace ehdocs::server {

class ClosureGate {
public:
    // ClosureByCloseOnlyException (details.field: "status" or "closure.authorised") when the
    // case file `after`, written by create (`before` "") or update (`before`: the stored file),
    // sets `status: closed`, or adds, changes or removes `closure.authorised`.
    static void refuseClosingByEdit(const std::string& caseId, const std::string& before,
                                    const std::string& after);

    // CaseClosedException when the stored version is closed.
    static void refuseWhenClosed(const store::CaseRecord& current);

    // Whether a case is closed or signed off: `status: closed` or a `closure.authorised`.
    static bool isClosed(const Case& kase);
};

}  // namespace ehdocs::server
