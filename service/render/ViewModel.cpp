#include "render/ViewModel.h"

#include <Poco/String.h>

#include <algorithm>

#include "render/Diagrams.h"
#include "render/Labels.h"

namespace ehdocs::render {
namespace {

constexpr int kYoungAddresseeAge = 16;

View lines(const std::vector<std::string>& texts) {
    View out = View::list();
    for (const std::string& t : texts)
        if (!t.empty()) out.push(View().set("line", t));
    return out;
}

// A child of 16 or over on the letter's date who has asked for letters (004 Case Recording:
// young people over 16 consent for themselves). Younger children never are, whatever the flag.
bool isYoungAddressee(const CaseView& view, const Member& m) {
    return m.isChild() && m.receivesLetters && m.dob &&
           ageOn(*m.dob, view.producedOn()) >= kYoungAddresseeAge;
}

// The adults who receive letters (else the adults with parental responsibility at home),
// then the young people who receive their own.
std::vector<const Member*> addressees(const CaseView& view) {
    std::vector<const Member*> out;
    for (const Member* m : view.members())
        if (m->isAdult() && m->receivesLetters) out.push_back(m);
    if (out.empty())
        for (const Member* m : view.members())
            if (m->isAdult() && m->parentalResponsibility && m->inHousehold) out.push_back(m);
    for (const Member* m : view.members())
        if (isYoungAddressee(view, *m)) out.push_back(m);
    return out;
}

// Who the letter is to, how it greets them, the address block, and the children it is about.
void addresseeNames(const CaseView& view, bool letter, const std::vector<std::string>& address,
                    View& out) {
    const std::vector<const Member*> to = addressees(view);
    std::vector<std::string> names, called, childNames;
    View toList = View::list();
    for (const Member* m : to) {
        names.push_back(view.memberName(m->id));
        called.push_back(view.calledName(m->id));
        toList.push(View()
                        .set("name", names.back())
                        .set("first_name", called.back())
                        .set("is_young_person", m->isChild()));
    }
    // A family letter is written to a young person who receives it, not about them.
    for (const Member* m : view.members())
        if (m->isChild() && (!letter || std::find(to.begin(), to.end(), m) == to.end()))
            childNames.push_back(view.calledName(m->id));
    out.set("children_called", joinAnd(childNames));
    out.set("addressees", std::move(toList));
    out.set("addressee_names", joinAnd(names));
    out.set("salutation", called.empty() ? "Dear parent or carer" : "Dear " + joinAnd(called));
    std::vector<std::string> block;
    block.push_back(names.empty() ? "The " + view.kase().family.familyName + " family"
                                  : joinAnd(names));
    block.insert(block.end(), address.begin(), address.end());
    out.set("address_block", lines(block));
}

bool isEnglish(const std::string& language) {
    std::string lower = Poco::toLower(Poco::trim(language));
    return lower.empty() || lower == "english";
}

// The offer of the letter in the family's language or through an interpreter (000 Practice
// Standards: first language; 003 Equality and Diversity). Family letters only.
void languageNames(const Case& kase, bool letter, View& out) {
    const Family& family = kase.family;
    bool otherLanguage = !isEnglish(family.language);
    bool offer = letter && (otherLanguage || family.interpreterNeeded);
    const Worker* lead = kase.worker(kase.leadWorker);
    std::string phone = !kase.service.phone.empty() ? kase.service.phone : lead ? lead->phone : "";
    out.set("has_language_offer", offer);
    out.set("offer_language", offer && otherLanguage ? Poco::trim(family.language) : "");
    out.set("offer_phone", offer ? phone : "");
}

void setWorker(View& out, const std::string& prefix, const Case& kase, const Id& id) {
    const Worker* w = kase.worker(id);
    out.set("has_" + prefix, w != nullptr);
    out.set(prefix + "_name", w ? w->name : "");
    out.set(prefix + "_role", w ? roleTitle(w->role) : "");
    out.set(prefix + "_team", w ? w->team : "");
    out.set(prefix + "_agency", w ? w->agency : "");
    out.set(prefix + "_phone", w ? w->phone : "");
    out.set(prefix + "_email", w ? w->email : "");
}

std::vector<const Meeting*> meetingsByDate(const Case& kase) {
    std::vector<const Meeting*> out;
    for (const Meeting& m : kase.meetings) out.push_back(&m);
    std::stable_sort(out.begin(), out.end(),
                     [](const Meeting* a, const Meeting* b) { return a->at < b->at; });
    return out;
}

std::string meetingTitle(const Meeting& m) {
    return label(m.kind) + " on " + m.at.date().uk();
}

View attendeeRows(const CaseView& view, const Meeting& m, bool attended) {
    View out = View::list();
    for (const Attendee& a : m.attendees) {
        if (a.attended != attended) continue;
        if (!a.member.empty() && !view.included(a.member)) continue;
        View row;
        std::string name = a.name;
        if (name.empty())
            name = !a.member.empty() ? view.memberName(a.member) : view.workerName(a.worker);
        row.set("name", name);
        row.set("role", a.role);
        row.set("agency", a.agency);
        out.push(std::move(row));
    }
    return out;
}

// The plan before `plan`, or null.
const Plan* previousPlan(const Case& kase, const Plan& plan) {
    const Plan* best = nullptr;
    for (const Plan& p : kase.plans)
        if (p.version < plan.version && (!best || p.version > best->version)) best = &p;
    return best;
}

// What changed between two plan versions, in sentences.
std::vector<std::string> planChanges(const CaseView& view, const Plan& before, const Plan& now) {
    std::vector<std::string> changes;
    auto findGoal = [](const Plan& p, const Id& id) -> const Goal* {
        for (const Goal& g : p.goals)
            if (g.id == id) return &g;
        return nullptr;
    };
    auto findAction = [](const Plan& p, const Id& id) -> const Action* {
        for (const Action& a : p.actions)
            if (a.id == id) return &a;
        return nullptr;
    };
    for (const Goal& g : now.goals) {
        if (view.onlyExcluded(g.members)) continue;
        const Goal* old = findGoal(before, g.id);
        if (!old)
            changes.push_back("New goal: " + g.outcome);
        else if (old->outcome != g.outcome)
            changes.push_back("Goal reworded: " + g.outcome);
    }
    for (const Goal& g : before.goals)
        if (!view.onlyExcluded(g.members) && !findGoal(now, g.id))
            changes.push_back("Goal no longer in the plan: " + g.outcome);
    for (const Action& a : now.actions) {
        const Goal* goal = findGoal(now, a.goal);
        if (goal && view.onlyExcluded(goal->members)) continue;
        const Action* old = findAction(before, a.id);
        if (!old)
            changes.push_back("New action: " + a.action);
        else if (old->status != a.status)
            changes.push_back(a.action + ": now " + label(a.status) + " (was " +
                              label(old->status) + ")");
    }
    for (const Action& a : before.actions) {
        const Goal* goal = findGoal(before, a.goal);
        if (goal && view.onlyExcluded(goal->members)) continue;
        if (!findAction(now, a.id)) changes.push_back("Action no longer in the plan: " + a.action);
    }
    if (before.reviewBy != now.reviewBy && now.reviewBy)
        changes.push_back("Review date now " + now.reviewBy->uk());
    if (before.contactPlan != now.contactPlan && !now.contactPlan.empty())
        changes.push_back("How often we meet: " + now.contactPlan);
    return changes;
}

void referralNames(const CaseView& view, View& out) {
    const Referral& r = view.kase().referral;
    out.set("referral_received", r.received.date().uk());
    out.set("referral_source", label(r.source));
    out.set("referral_route", label(r.route));
    View reasons = View::list();
    for (const Text& reason : r.reasons)
        reasons.push(View().set("text", label(reason)).set("plain", familyWords(reason)));
    out.set("referral_reasons", std::move(reasons));
    out.set("referral_summary", r.summary);
    out.set("referrer_name", r.referrer.name);
    out.set("referrer_agency", r.referrer.agency);
    out.set("referral_outcome", r.decision ? label(r.decision->outcome) : "");
    out.set("referral_decided",
            r.decision && r.decision->date ? r.decision->date->date().uk() : "");
}

void planNames(const CaseView& view, View& out) {
    const Plan* plan = view.kase().latestPlan();
    out.set("has_plan", plan != nullptr);
    out.set("plan_version", plan ? std::to_string(plan->version) : "");
    out.set("plan_date", plan ? plan->date.uk() : "");
    out.set("goals", plan ? view.goals(*plan) : View::list());
    out.set("contact_plan", plan ? plan->contactPlan : "");
    out.set("seen_alone_plan", plan ? plan->seenAlonePlan : "");
    out.set("review_by", plan ? ukDate(plan->reviewBy) : "");
    out.set("contingency", plan ? plan->contingency : "");
    View open = View::list();
    if (plan)
        for (const Action& a : plan->actions) {
            if (a.status == "done" || a.status == "dropped") continue;
            bool hidden = false;
            for (const Goal& g : plan->goals)
                if (g.id == a.goal && view.onlyExcluded(g.members)) hidden = true;
            if (hidden) continue;
            View row;
            row.set("action", a.action);
            row.set("who", a.who.empty() ? view.personName(a.owner) : a.who);
            row.set("by", ukDate(a.by));
            row.set("status", label(a.status));
            open.push(std::move(row));
        }
    out.set("has_open_actions", !open.empty());
    out.set("open_actions", std::move(open));
}

void networkNames(const CaseView& view, View& out) {
    View network = View::list();
    for (const NetworkLink& l : view.kase().family.network) {
        if (view.onlyExcluded(l.members)) continue;
        View row;
        row.set("name", l.name);
        row.set("relationship", l.relationship);
        row.set("kind", label(l.kind));
        row.set("strength", label(l.strength));
        row.set("members", view.names(l.members));
        row.set("notes", l.notes);
        network.push(std::move(row));
    }
    out.set("has_network", !network.empty());
    out.set("network", std::move(network));
}

void diagramNames(const CaseView& view, View& out) {
    std::string genogram = genogramSvg(view), ecomap = ecomapSvg(view);
    out.set("has_genogram", !genogram.empty());
    out.set("genogram_svg", genogram);
    out.set("has_ecomap", !ecomap.empty());
    out.set("ecomap_svg", ecomap);
}

View agencyReferralRows(const Case& kase) {
    View out = View::list();
    for (const AgencyReferral& a : kase.agencyReferrals) {
        View row;
        row.set("date", ukDate(a.date));
        row.set("agency", a.agency);
        row.set("service", a.service);
        row.set("reason", a.reason);
        row.set("consent", a.consent ? "Yes" : "No");
        row.set("outcome", a.outcome);
        out.push(std::move(row));
    }
    return out;
}

View contactRow(const CaseView& view, const Contact& c) {
    View row;
    row.set("date", c.at.uk());
    row.set("recorded", c.recordedAt ? c.recordedAt->uk() : "");
    row.set("kind", label(c.kind));
    row.set("worker", view.workerName(c.worker));
    row.set("location", c.location);
    row.set("with", view.names(c.with));
    row.set("children_seen", view.names(c.childrenSeen));
    row.set("seen_alone", view.names(c.seenAlone));
    View voice = view.words(c.voiceOfChild);
    row.set("has_voice", !voice.empty());
    row.set("voice", std::move(voice));
    row.set("summary", c.summary);
    row.set("analysis", c.analysis);
    row.set("next_steps", c.nextSteps);
    row.set("significant", c.significant);
    row.set("status", label(c.status));
    row.set("is_draft", c.status == "draft");
    return row;
}

// A contact about nobody the documents may mention is left out whole.
bool contactShown(const CaseView& view, const Contact& c) {
    IdList people = c.with;
    people.insert(people.end(), c.childrenSeen.begin(), c.childrenSeen.end());
    return !view.onlyExcluded(people);
}

}  // namespace

const Transfer* latestTransfer(const Case& kase, bool leavingOnly) {
    const Transfer* best = nullptr;
    for (const Transfer& t : kase.transfers) {
        if (leavingOnly && t.kind == "step_down_in") continue;
        if (!best || !(t.decided < best->decided)) best = &t;
    }
    return best;
}

View commonView(const CaseView& view, const DocumentType& type, const LetterSettings& letters,
                bool markingBanner) {
    const Case& kase = view.kase();
    View out;
    out.set("document_type", type.id);
    out.set("document_title", type.title);
    out.set("audience", type.audience);
    out.set("marking", type.marking());
    out.set("marking_banner", markingBanner ? type.marking() : std::string());
    out.set("is_record", !type.familyFacing);
    out.set("is_letter", type.familyFacing);
    out.set("produced_on", view.producedOn().uk());
    out.set("produced_on_iso", view.producedOn().iso());
    out.set("case_ref", kase.caseId);
    out.set("case_status", label(kase.status));
    out.set("is_closed", kase.status == "closed");
    out.set("level_of_need", label(kase.levelOfNeed));

    out.set("service_name", kase.service.name);
    out.set("service_authority", kase.service.authority);
    out.set("service_team", kase.service.team);
    out.set("service_phone", kase.service.phone);
    out.set("service_email", kase.service.email);
    out.set("service_address", lines(kase.service.address));

    const Family& family = kase.family;
    out.set("family_name", family.familyName);
    out.set("family_heading", "The " + family.familyName + " family");
    std::vector<std::string> address = family.address.lines;
    address.push_back(family.address.town);
    address.push_back(family.address.postcode);
    out.set("family_address", lines(address));
    std::string addressText;
    for (const std::string& line : address)
        if (!line.empty()) addressText += (addressText.empty() ? "" : ", ") + line;
    out.set("family_address_text", addressText);
    out.set("family_language", family.language);
    out.set("interpreter_needed", family.interpreterNeeded ? "Yes" : "No");

    setWorker(out, "lead_worker", kase, kase.leadWorker);
    setWorker(out, "team_leader", kase, kase.teamLeader);

    View members = View::list(), children = View::list(), adults = View::list();
    for (const Member* m : view.members()) {
        View row = view.memberRow(*m);
        if (m->isChild()) children.push(row);
        if (m->isAdult()) adults.push(row);
        members.push(std::move(row));
    }
    out.set("members", std::move(members));
    out.set("children", std::move(children));
    out.set("adults", std::move(adults));

    addresseeNames(view, type.familyFacing, address, out);
    languageNames(kase, type.familyFacing, out);
    out.set("privacy_notice", letters.privacyNotice);
    out.set("usual_duration", letters.usualDurationFor(kase.profile));
    referralNames(view, out);
    return out;
}

void ehaView(const CaseView& view, const Meeting*, View& out) {
    static const Assessment kNone;
    const Case& kase = view.kase();
    const Assessment& a = kase.assessment ? *kase.assessment : kNone;
    out.set("assessment_started", ukDate(a.started));
    out.set("assessment_completed", ukDate(a.completed));
    out.set("authorised_by", a.authorised ? view.workerName(a.authorised->by) : "");
    out.set("authorised_on", a.authorised ? ukDate(a.authorised->date) : "");
    out.set("quality_assured_by", a.qualityAssured ? view.workerName(a.qualityAssured->by) : "");
    out.set("quality_assured_on", a.qualityAssured ? ukDate(a.qualityAssured->date) : "");
    out.set("shared_with_family", ukDate(a.sharedWithFamily));
    out.set("family_views", a.familyViews);
    out.set("reason_for_assessment", a.reasonForAssessment);
    out.set("family_story", a.familyStory);
    out.set("network_summary", a.networkSummary);
    out.set("strengths", view.textList(a.strengths));
    out.set("worries", view.textList(a.worries));
    out.set("what_needs_to_change", a.whatNeedsToChange);
    out.set("family_goals", view.textList(a.familyGoals));
    out.set("help_needed", a.helpNeeded);
    out.set("child_views", view.words(a.childViews));
    out.set("parent_views", view.words(a.parentViews));
    out.set("analysis", a.analysis);
    out.set("members_assessed", view.names(a.membersAssessed));
    out.set("baseline_scores", view.scoreRows(a.scores));
    out.set("overdue_reason", a.overdueReason);
    networkNames(view, out);
    diagramNames(view, out);
}

void planView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    planNames(view, out);
    const Plan* plan = kase.latestPlan();
    const Meeting* agreed = plan && !plan->meeting.empty() ? kase.meeting(plan->meeting) : nullptr;
    out.set("plan_agreed_at", agreed ? meetingTitle(*agreed) : "");
    const Plan* before = plan ? previousPlan(kase, *plan) : nullptr;
    std::vector<std::string> changes;
    if (before) changes = planChanges(view, *before, *plan);
    out.set("has_previous_plan", before != nullptr);
    out.set("previous_version", before ? std::to_string(before->version) : "");
    out.set("previous_date", before ? before->date.uk() : "");
    out.set("has_changes", !changes.empty());
    out.set("changes", view.textList(changes));
}

void tafMinutesView(const CaseView& view, const Meeting* meeting, View& out) {
    static const Meeting kNone;
    const Case& kase = view.kase();
    const Meeting& m = meeting ? *meeting : kNone;
    out.set("meeting_id", m.id);
    out.set("meeting_kind", label(m.kind));
    out.set("meeting_date", m.at.date().uk());
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", m.at.hour(), m.at.minute());
    out.set("meeting_time", time);
    out.set("meeting_location", m.location);
    out.set("chair_name", view.workerName(m.chair));
    out.set("invited_on", ukDate(m.invitedAt));
    out.set("attendees", attendeeRows(view, m, true));
    View apologies = attendeeRows(view, m, false);
    out.set("has_apologies", !apologies.empty());
    out.set("apologies", std::move(apologies));
    out.set("family_attended", m.familyAttended ? "Yes" : "No");
    out.set("child_views", view.words(m.childViews));
    out.set("discussion", m.discussion);
    View progress = View::list();
    for (const Progress& p : m.progress) {
        const Goal* goal = nullptr;
        for (const Plan& pl : kase.plans)
            for (const Goal& g : pl.goals)
                if (g.id == p.goal) goal = &g;
        if (goal && view.onlyExcluded(goal->members)) continue;
        View row;
        row.set("goal", goal ? goal->outcome : p.goal);
        row.set("rating", p.rating);
        row.set("comment", p.comment);
        progress.push(std::move(row));
    }
    out.set("progress", std::move(progress));
    out.set("decisions", view.textList(m.decisions));
    out.set("actions", view.actionRows(m.actions));
    out.set("scores", view.scoreRows(m.scores));
    out.set("next_meeting", ukDate(m.nextMeeting));
    out.set("minutes_shared", ukDate(m.minutesShared));
    std::string agreed;
    for (const Plan& p : kase.plans)
        if (!m.id.empty() && p.meeting == m.id) agreed = std::to_string(p.version);
    out.set("plan_agreed", agreed);
}

void chronologyView(const CaseView& view, const Meeting*, View& out) {
    struct Entry {
        Date date;
        long long order;
        View row;
    };
    std::vector<Entry> entries;
    long long order = 0;
    for (const Event& e : view.kase().chronology) {
        if (view.onlyExcluded(e.members)) continue;
        View row;
        row.set("date", e.date.uk());
        row.set("event", e.event);
        row.set("source", e.source);
        row.set("impact", e.impact);
        row.set("members", view.names(e.members));
        entries.push_back({e.date, order++, std::move(row)});
    }
    for (const Contact& c : view.kase().contacts) {
        if (!c.significant || !contactShown(view, c)) continue;
        View row;
        row.set("date", c.at.date().uk());
        row.set("event", c.summary);
        row.set("source", "Case note: " + label(c.kind) + ", " + view.workerName(c.worker));
        row.set("impact", c.analysis);
        IdList people = c.with;
        row.set("members", view.names(people));
        entries.push_back({c.at.date(), order++, std::move(row)});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.date < b.date; });
    View list = View::list();
    for (Entry& e : entries) list.push(std::move(e.row));
    out.set("events", std::move(list));
}

void caseNotesView(const CaseView& view, const Meeting*, View& out) {
    std::vector<const Contact*> contacts;
    for (const Contact& c : view.kase().contacts)
        if (contactShown(view, c)) contacts.push_back(&c);
    std::stable_sort(contacts.begin(), contacts.end(),
                     [](const Contact* a, const Contact* b) { return a->at < b->at; });
    View list = View::list();
    for (const Contact* c : contacts) list.push(contactRow(view, *c));
    out.set("contacts", std::move(list));
}

void caseSummaryView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    planNames(view, out);
    networkNames(view, out);
    diagramNames(view, out);
    out.set("worries",
            view.textList(kase.assessment ? kase.assessment->worries : std::vector<Text>{}));
    out.set("strengths",
            view.textList(kase.assessment ? kase.assessment->strengths : std::vector<Text>{}));
    out.set("analysis", kase.assessment ? kase.assessment->analysis : "");
    View history = view.scoreHistory();
    out.set("has_scores", !history.empty());
    out.set("score_history", std::move(history));
    out.set("allocated_on", kase.allocation && kase.allocation->allocatedAt
                                ? kase.allocation->allocatedAt->date().uk()
                                : "");
    out.set("assessment_completed", kase.assessment ? ukDate(kase.assessment->completed) : "");
    // Next steps: from the latest contact that recorded some, and the next meeting.
    std::string nextSteps;
    std::optional<DateTime> latest;
    for (const Contact& c : kase.contacts)
        if (!c.nextSteps.empty() && contactShown(view, c) && (!latest || *latest < c.at)) {
            latest = c.at;
            nextSteps = c.nextSteps;
        }
    out.set("next_steps", nextSteps);
    std::string nextMeeting;
    for (const Meeting* m : meetingsByDate(kase))
        if (m->nextMeeting) nextMeeting = m->nextMeeting->uk();
    out.set("next_meeting", kase.status == "closed" ? "" : nextMeeting);
    out.set("agency_referrals", agencyReferralRows(kase));
    out.set("closure_date", kase.closure ? kase.closure->date.uk() : "");
    out.set("closure_reason", kase.closure ? label(kase.closure->reason) : "");
    int seen = 0;
    for (const Contact& c : kase.contacts)
        if (c.kind != "attempted_contact" && contactShown(view, c)) ++seen;
    out.set("contact_count", std::to_string(seen));
}

void transferSummaryView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    caseSummaryView(view, nullptr, out);
    const Transfer* t = latestTransfer(kase, false);
    static const Transfer kNone;
    const Transfer& tr = t ? *t : kNone;
    out.set("transfer_kind", label(tr.kind));
    out.set("transfer_decided", t ? tr.decided.uk() : "");
    out.set("transfer_effective", ukDate(tr.effective));
    out.set("transfer_panel", tr.panel);
    out.set("transfer_reason", tr.reason);
    out.set("from_service", tr.from.service);
    out.set("from_worker",
            !tr.from.worker.empty() ? view.workerName(tr.from.worker) : tr.from.name);
    out.set("to_service", tr.to.service);
    out.set("to_worker", !tr.to.worker.empty() ? view.workerName(tr.to.worker) : tr.to.name);
    out.set("handover_meeting", ukDate(tr.handoverMeeting));
    out.set("ending_letter_sent", ukDate(tr.endingLetter));
    out.set("work_undertaken", kase.closure ? kase.closure->workUndertaken : "");
    // Who has been told: what was sent from the decision on, and the transfer meeting.
    View told = View::list();
    for (const Correspondence& c : kase.correspondence) {
        if (c.direction != "sent" || (t && c.date && *c.date < tr.decided)) continue;
        told.push(View()
                      .set("who", c.party)
                      .set("how", label(c.kind) + (c.subject.empty() ? "" : ": " + c.subject))
                      .set("date", ukDate(c.date)));
    }
    for (const Meeting& m : kase.meetings) {
        if (m.kind != "transfer") continue;
        for (const Attendee& a : m.attendees) {
            if (!a.attended || (!a.member.empty() && !view.included(a.member))) continue;
            std::string name =
                a.name.empty() ? view.personName(a.member.empty() ? a.worker : a.member) : a.name;
            told.push(View()
                          .set("who", name)
                          .set("how", "Transfer meeting")
                          .set("date", m.at.date().uk()));
        }
    }
    out.set("has_told", !told.empty());
    out.set("told", std::move(told));
}

void closureSummaryView(const CaseView& view, const Meeting*, View& out) {
    const Case& kase = view.kase();
    static const Closure kNone;
    const Closure& c = kase.closure ? *kase.closure : kNone;
    out.set("closure_date", kase.closure ? c.date.uk() : "");
    out.set("closure_reason", label(c.reason));
    out.set("closure_reason_detail", c.reasonDetail);
    out.set("work_undertaken", c.workUndertaken);
    out.set("outcomes_achieved", c.outcomesAchieved);
    bool escalated = c.reason == "stepped_up";
    const Transfer* up = nullptr;
    for (const Transfer& t : kase.transfers)
        if (t.kind == "step_up") up = &t;
    out.set("is_escalation", escalated || up);
    out.set("escalation_reason", up ? up->reason : escalated ? c.reasonDetail : "");
    View attempts = View::list();
    for (const EngagementAttempt& a : c.engagementAttempts)
        attempts.push(View()
                          .set("date", ukDate(a.date))
                          .set("method", label(a.method))
                          .set("outcome", a.outcome));
    out.set("has_engagement_attempts", !attempts.empty());
    out.set("engagement_attempts", std::move(attempts));
    View support = View::list();
    for (const OngoingSupport& s : c.ongoingSupport)
        support.push(View().set("agency", s.agency).set("support", s.support));
    out.set("has_ongoing_support", !support.empty());
    out.set("ongoing_support", std::move(support));
    const Meeting* ending = c.endingMeeting.empty() ? nullptr : kase.meeting(c.endingMeeting);
    out.set("ending_meeting", ending ? meetingTitle(*ending) : "");
    out.set("no_ending_meeting_reason", c.noEndingMeetingReason);
    out.set("who_to_contact", c.whoToContact);
    out.set("referrer_informed", ukDate(c.referrerInformed));
    out.set("closure_authorised_by", c.authorised ? view.workerName(c.authorised->by) : "");
    out.set("closure_authorised_on", c.authorised ? ukDate(c.authorised->date) : "");
    View history = view.scoreHistory();
    out.set("has_scores", !history.empty());
    out.set("score_history", std::move(history));
    planNames(view, out);
}

}  // namespace ehdocs::render
