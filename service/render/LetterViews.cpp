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

// The final plan (000: 15.1; 001: 16.1): the latest plan's goals with how each ended, the
// actions other people carry on and who does them, and what to do if things get harder.
void finalPlan(const CaseView& view, View& out) {
    const Plan* plan = view.kase().latestPlan();
    View goals = plan ? view.goals(*plan) : View::list();
    out.set("has_goals", !goals.empty());
    out.set("goals", std::move(goals));
    View carried = View::list();
    if (plan)
        for (const Action& a : plan->actions) {
            if (a.status != "handed_over") continue;
            bool hidden = false;
            for (const Goal& g : plan->goals)
                if (g.id == a.goal && view.onlyExcluded(g.members)) hidden = true;
            if (hidden) continue;
            // The note says who carries it on; else whoever the action names.
            std::string who = !a.note.empty()  ? a.note
                              : !a.who.empty() ? a.who
                                               : view.personName(a.owner);
            carried.push(View().set("action", a.action).set("who", who));
        }
    out.set("has_carried_on", !carried.empty());
    out.set("carried_on", std::move(carried));
    out.set("contingency", plan ? plan->contingency : "");
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
    out.set("had_handover", tr.handoverMeeting.has_value());
    out.set("who_to_contact", whoToContact(view));
    out.set("ongoing_support", ongoingSupport(kase));
    goalsForFamily(view, out);
}

void closureLetterView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    static const Closure kNone;
    const Closure& c = kase.closure ? *kase.closure : kNone;
    // One letter per way of ending, each its own template (closure_letter.mustache picks it).
    out.set("is_goals_achieved", c.reason == "goals_achieved");
    out.set("is_universal_support", c.reason == "work_complete_universal_support");
    out.set("is_moved_away", c.reason == "moved_away");
    out.set("is_consent_withdrawn", c.reason == "consent_withdrawn");
    out.set("is_other_reason", c.reason == "other");
    // A manager's safeguarding decision that referred the family on is a worry that continues
    // (000: 16.1); the family is told it, in the words the introduction letter used.
    bool concern = c.safeguardingDecision && c.safeguardingDecision->referred.value_or(false);
    std::vector<std::string> worries;
    if (concern)
        for (const Text& reason : kase.referral.reasons) worries.push_back(familyWords(reason));
    out.set("has_continuing_concern", concern);
    out.set("continuing_concern", joinAnd(worries));
    out.set("closure_date", kase.closure ? c.date.uk() : "");
    out.set("outcomes_achieved", c.outcomesAchieved);
    finalPlan(view, out);
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
    // One section of the template per decision: each says what it means in its own words.
    const std::string decision = kase.referral.decision ? kase.referral.decision->outcome : "";
    out.set("is_allocated", decision == "allocated");
    out.set("is_nam", decision == "nam");
    out.set("is_signpost", decision == "signpost");
    out.set("is_redirect_to_csc", decision == "redirect_to_csc");
    out.set("is_advice", decision == "advice");
    out.set("has_decision", !decision.empty());
    // Need to know (003 Record Keeping): the referrer hears the outcome as a plain label,
    // never the worker's own notes on why or what support carries on.
    out.set("has_closure", kase.closure.has_value());
    out.set("closure_date", kase.closure ? kase.closure->date.uk() : "");
    out.set("closure_reason", kase.closure ? closureReasonLabel(kase.closure->reason) : "");
    out.set("is_ongoing",
            decision == "allocated" && kase.status == "open" && !kase.closure.has_value());
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
    const std::string source = kase.referral.source;
    out.set("asked_for_help", source == "self" || source == "family_member");
}

}  // namespace ehdocs::render
