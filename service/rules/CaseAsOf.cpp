#include "rules/CaseAsOf.h"

#include <algorithm>

namespace ehdocs::rules {
namespace {

template <typename T, typename DateOf>
void dropAfter(std::vector<T>& items, Date asOf, DateOf dateOf) {
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const T& item) {
                                   std::optional<Date> d = dateOf(item);
                                   return d && *d > asOf;
                               }),
                items.end());
}

template <typename T>
void dropOptionalAfter(std::optional<T>& value, Date asOf) {
    if (value && *value > asOf) value.reset();
}

}  // namespace

Case caseAsOf(const Case& kase, Date asOf) {
    Case c = kase;
    using OD = std::optional<Date>;

    if (c.referral.consent) dropOptionalAfter(c.referral.consent->date, asOf);
    if (c.allocation && c.allocation->allocatedAt && c.allocation->allocatedAt->date() > asOf)
        c.allocation->allocatedAt.reset();

    dropAfter(c.contacts, asOf, [](const Contact& k) -> OD { return k.at.date(); });
    for (Contact& k : c.contacts)
        if (k.recordedAt && k.recordedAt->date() > asOf) k.recordedAt.reset();

    if (c.assessment) {
        Assessment& a = *c.assessment;
        if (a.started && *a.started > asOf) {
            c.assessment.reset();
        } else {
            dropOptionalAfter(a.completed, asOf);
            if (a.authorised && a.authorised->date && *a.authorised->date > asOf)
                a.authorised.reset();
            if (a.qualityAssured && a.qualityAssured->date && *a.qualityAssured->date > asOf)
                a.qualityAssured.reset();
            dropOptionalAfter(a.sharedWithFamily, asOf);
            dropAfter(a.scores, asOf, [](const Score& s) { return s.date; });
        }
    }

    dropAfter(c.plans, asOf, [](const Plan& p) -> OD { return p.date; });
    dropAfter(c.meetings, asOf, [](const Meeting& m) -> OD { return m.at.date(); });
    dropAfter(c.chronology, asOf, [](const Event& e) -> OD { return e.date; });
    dropAfter(c.supervision, asOf, [](const Supervision& s) -> OD { return s.at.date(); });
    dropAfter(c.agencyReferrals, asOf, [](const AgencyReferral& r) { return r.date; });
    dropAfter(c.correspondence, asOf, [](const Correspondence& r) { return r.date; });
    dropAfter(c.directWork, asOf, [](const DirectWork& w) { return w.date; });
    dropAfter(c.feedback, asOf, [](const Feedback& f) { return f.date; });
    dropAfter(c.transfers, asOf, [](const Transfer& t) -> OD { return t.decided; });
    dropAfter(c.documents, asOf, [](const IssuedDocument& d) -> OD { return d.issuedAt.date(); });

    if (c.closure) {
        Closure& cl = *c.closure;
        dropAfter(cl.engagementAttempts, asOf, [](const EngagementAttempt& a) { return a.date; });
        dropOptionalAfter(cl.referrerInformed, asOf);
    }
    return c;
}

}  // namespace ehdocs::rules
