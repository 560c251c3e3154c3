// The view-model functions for letters (letters/). See ViewModel.h.
#include <algorithm>
#include <cstdio>

#include "render/Labels.h"
#include "render/ViewModel.h"

namespace ehdocs::render {
namespace {

std::string whoToContact(const CaseView& view) {
    const Case& kase = view.kase();
    if (kase.closure && !kase.closure->whoToContact.empty()) return kase.closure->whoToContact;
    return "";
}

std::string timeOf(const DateTime& at) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", at.hour(), at.minute());
    return buf;
}

View ongoingSupport(const Case& kase) {
    View out = View::list();
    if (kase.closure)
        for (const OngoingSupport& s : kase.closure->ongoingSupport)
            out.push(View().set("agency", s.agency).set("support", s.support));
    return out;
}

void goalsForFamily(const CaseView& view, View& out) {
    const Plan* plan = view.kase().latestPlan();
    out.set("goals", plan ? view.goals(*plan) : View::list());
    out.set("has_goals", plan && !plan->goals.empty());
}

}  // namespace

void endingLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    static const Transfer kNone;
    const Transfer* t = latestTransfer(kase, true);
    const Transfer& tr = t ? *t : kNone;
    out.set("is_step_up", tr.kind == "step_up");
    out.set("is_to_universal", tr.kind == "to_universal");
    out.set("is_lead_change", tr.kind == "lead_change");
    out.set("transfer_effective",
            ukDate(tr.effective ? tr.effective : std::optional<Date>(tr.decided)));
    out.set("to_service", tr.to.service);
    out.set("to_worker", !tr.to.worker.empty() ? view.workerName(tr.to.worker) : tr.to.name);
    const Worker* newWorker = tr.to.worker.empty() ? nullptr : kase.worker(tr.to.worker);
    out.set("to_worker_phone", newWorker ? newWorker->phone : "");
    out.set("to_worker_email", newWorker ? newWorker->email : "");
    out.set("who_to_contact", whoToContact(view));
    out.set("ongoing_support", ongoingSupport(kase));
    goalsForFamily(view, out);
}

void closureLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    out.set("closure_date", kase.closure ? kase.closure->date.uk() : "");
    out.set("outcomes_achieved", kase.closure ? kase.closure->outcomesAchieved : "");
    goalsForFamily(view, out);
    View support = ongoingSupport(kase);
    out.set("has_ongoing_support", !support.empty());
    out.set("ongoing_support", std::move(support));
    out.set("who_to_contact", whoToContact(view));
    bool gave = std::any_of(kase.feedback.begin(), kase.feedback.end(),
                            [](const Feedback& f) { return !f.declined && !f.text.empty(); });
    out.set("feedback_given", gave);
}

void noContactLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    View attempts = View::list();
    if (kase.closure && !kase.closure->engagementAttempts.empty()) {
        for (const EngagementAttempt& a : kase.closure->engagementAttempts) {
            if (a.method == "referrer_contacted") continue;  // not a try to reach the family
            attempts.push(View().set("date", ukDate(a.date)).set("method", label(a.method)));
        }
    } else {
        for (const Contact& c : kase.contacts)
            if (c.kind == "attempted_contact")
                attempts.push(View()
                                  .set("date", c.at.date().uk())
                                  .set("method", c.location.empty()
                                                     ? "Telephone or visit"
                                                     : "Visit or appointment at " + c.location));
    }
    out.set("attempts", std::move(attempts));
    out.set("closure_date", kase.closure ? kase.closure->date.uk() : "");
    out.set("has_closure", kase.closure.has_value());
    out.set("reply_by", view.producedOn().plusDays(14).uk());
    out.set("who_to_contact", whoToContact(view));
}

void supportCallLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    std::vector<const Contact*> calls;
    for (const Contact& c : kase.contacts)
        if (c.kind == "support_call" || c.kind == "attempted_contact") calls.push_back(&c);
    std::stable_sort(calls.begin(), calls.end(),
                     [](const Contact* a, const Contact* b) { return a->at < b->at; });
    if (calls.size() > 3) calls.erase(calls.begin(), calls.end() - 3);
    View tries = View::list();
    for (const Contact* c : calls)
        tries.push(View().set("date", c->at.date().uk()).set("time", timeOf(c->at)));
    out.set("calls", std::move(tries));
    out.set("reply_by", view.producedOn().plusDays(7).uk());
}

void referrerOutcomeView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    const Referrer& r = kase.referral.referrer;
    out.set("referrer_email", r.email);
    out.set("referrer_phone", r.phone);
    // The letter goes to the referrer, not the family.
    View block = View::list();
    for (const std::string& line : {r.name, r.agency, r.email})
        if (!line.empty()) block.push(View().set("line", line));
    out.set("address_block", std::move(block));
    out.set("salutation", r.name.empty() ? "Dear colleague" : "Dear " + r.name);
    out.set("is_allocated",
            kase.referral.decision && kase.referral.decision->outcome == "allocated");
    out.set("closure_date", kase.closure ? kase.closure->date.uk() : "");
    out.set("closure_reason", kase.closure ? label(kase.closure->reason) : "");
    out.set("closure_reason_detail", kase.closure ? kase.closure->reasonDetail : "");
    out.set("has_closure", kase.closure.has_value());
    View support = ongoingSupport(kase);
    out.set("has_ongoing_support", !support.empty());
    out.set("ongoing_support", std::move(support));
    View children = View::list();
    for (const Member* m : view.members())
        if (m->isChild()) children.push(View().set("name", view.memberName(m->id)));
    out.set("children_names", std::move(children));
}

void tafInvitationView(const CaseView& view, const Meeting* meeting, View& out) {
    static const Meeting kNone;
    const Meeting& m = meeting ? *meeting : kNone;
    out.set("meeting_kind", label(m.kind));
    out.set("is_first_meeting", m.kind == "initial_taf");
    out.set("is_ending_meeting", m.kind == "ending");
    out.set("meeting_date", m.at.date().uk());
    out.set("meeting_time", timeOf(m.at));
    out.set("meeting_location", m.location);
    out.set("chair_name", view.workerName(m.chair));
    View invited = View::list();
    for (const Attendee& a : m.attendees) {
        if (!a.member.empty() && !view.included(a.member)) continue;
        std::string name =
            a.name.empty() ? view.personName(a.member.empty() ? a.worker : a.member) : a.name;
        invited.push(View().set("name", name).set("role", a.role).set("agency", a.agency));
    }
    out.set("invited", std::move(invited));
    out.set("reply_by", m.at.date().plusDays(-3).uk());
}

void introductionLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    const auto& alloc = kase.allocation;
    out.set("allocated_on", alloc && alloc->allocatedAt ? alloc->allocatedAt->date().uk() : "");
    out.set("first_visit_by", alloc ? ukDate(alloc->targets.firstVisit) : "");
}

}  // namespace ehdocs::render
