#include "rules/CaseAsOf.h"

#include <algorithm>
#include <type_traits>

namespace ehdocs::rules {
namespace {

using OD = std::optional<Date>;

// One walk over every dated record and fact of a case, used two ways: with Apply = false it
// only answers whether anything is dated after `asOf` (on a const case, no copy); with
// Apply = true it removes or unsets each such thing. Keeping both in one place keeps them in
// step.
template <bool Apply>
class Cutter {
public:
    using CaseRef = std::conditional_t<Apply, Case&, const Case&>;

    explicit Cutter(Date asOf) : _asOf(asOf) {}

    bool run(CaseRef c) {
        if (c.referral.consent) optional(c.referral.consent->date);
        if (c.allocation && c.allocation->allocatedAt &&
            c.allocation->allocatedAt->date() > _asOf) {
            _found = true;
            if constexpr (Apply) c.allocation->allocatedAt.reset();
        }
        list(c.contacts, [](const Contact& k) -> OD { return k.at.date(); });
        for (auto& k : c.contacts)
            if (k.recordedAt && k.recordedAt->date() > _asOf) {
                _found = true;
                if constexpr (Apply) k.recordedAt.reset();
            }
        if (c.assessment) {
            if (c.assessment->started && *c.assessment->started > _asOf) {
                _found = true;
                if constexpr (Apply) c.assessment.reset();
            } else {
                auto& a = *c.assessment;
                optional(a.completed);
                signature(a.authorised);
                signature(a.qualityAssured);
                optional(a.sharedWithFamily);
                list(a.scores, [](const Score& s) { return s.date; });
            }
        }
        list(c.plans, [](const Plan& p) -> OD { return p.date; });
        list(c.meetings, [](const Meeting& m) -> OD { return m.at.date(); });
        list(c.chronology, [](const Event& e) -> OD { return e.date; });
        list(c.supervision, [](const Supervision& s) -> OD { return s.at.date(); });
        list(c.agencyReferrals, [](const AgencyReferral& r) { return r.date; });
        list(c.correspondence, [](const Correspondence& r) { return r.date; });
        list(c.directWork, [](const DirectWork& w) { return w.date; });
        list(c.feedback, [](const Feedback& f) { return f.date; });
        list(c.transfers, [](const Transfer& t) -> OD { return t.decided; });
        list(c.documents, [](const IssuedDocument& d) -> OD { return d.issuedAt.date(); });
        if (c.closure) {
            list(c.closure->engagementAttempts, [](const EngagementAttempt& a) { return a.date; });
            optional(c.closure->referrerInformed);
        }
        return _found;
    }

private:
    template <typename Vector, typename DateOf>
    void list(Vector& items, DateOf dateOf) {
        auto after = [&](const auto& item) {
            OD d = dateOf(item);
            return d && *d > _asOf;
        };
        if constexpr (Apply) {
            auto end = std::remove_if(items.begin(), items.end(), after);
            if (end != items.end()) _found = true;
            items.erase(end, items.end());
        } else {
            if (std::any_of(items.begin(), items.end(), after)) _found = true;
        }
    }

    template <typename Optional>
    void optional(Optional& value) {
        if (value && *value > _asOf) {
            _found = true;
            if constexpr (Apply) value.reset();
        }
    }

    template <typename Signature>
    void signature(Signature& s) {
        if (s && s->date && *s->date > _asOf) {
            _found = true;
            if constexpr (Apply) s.reset();
        }
    }

    Date _asOf;
    bool _found = false;
};

}  // namespace

bool hasRecordsAfter(const Case& kase, Date asOf) {
    return Cutter<false>(asOf).run(kase);
}

Case caseAsOf(const Case& kase, Date asOf) {
    Case c = kase;
    Cutter<true>(asOf).run(c);
    return c;
}

}  // namespace ehdocs::rules
