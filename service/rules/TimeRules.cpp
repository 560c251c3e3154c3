// The timeliness rules (docs/rules.md, "Timeliness rules"). Always reported as warnings; each
// reads its timescale from the profile. Gaps still open on the as-of date count.

#include <algorithm>

#include "rules/RuleContext.h"

namespace ehdocs::rules {
namespace {

using O = Outcome;

// Where an open gap ends: the as-of date itself for day-based limits, the end of that day
// (midnight after it) for limits in hours.
DateTime openEnd(const RuleContext& ctx, const Limit& limit) {
    return DateTime::atMidnight(limit.inHours() ? ctx.asOf.plusDays(1) : ctx.asOf);
}

std::string when(const DateTime& at, const Limit& limit) {
    return limit.inHours() ? at.uk() : at.date().uk();
}

std::string standard(const Limit& limit) {
    return "the standard is " + limit.text() + ".";
}

std::string dueBy(const DateTime& from, const Limit& limit) {
    if (limit.inHours()) return "due within " + limit.text() + " of " + from.uk();
    return "due by " + limit.deadlineDate(from.date()).uk();
}

// What falls due next on an open case (none on a closed one: its clocks have stopped).
std::vector<DueItem> dueOn(const RuleContext& ctx, const char* rule, Date due, std::string what) {
    if (!ctx.open) return {};
    return {{rule, due, std::move(what)}};
}
std::vector<DueItem> dueOn(const RuleContext& ctx, const char* rule, Date due, const char* what) {
    if (!ctx.open) return {};
    return {{rule, due, what}};
}

const char* const kNotAllocated = "not allocated";
const char* const kNoInitialMeeting = "no initial TAF meeting";

const Limit* limitOf(const RuleContext& ctx, const std::string& key) {
    const std::optional<Limit>& l = ctx.profile.limit(key);
    return l ? &*l : nullptr;
}

// The earliest contact that matches, by the moment it happened. (Each contact's UTC time is
// computed once: DateTime::utcSeconds works out UK summer time on every call.)
template <typename Matches>
std::optional<DateTime> earliest(const std::vector<Contact>& contacts, Matches matches) {
    const Contact* best = nullptr;
    long long bestSeconds = 0;
    for (const Contact& k : contacts) {
        if (!matches(k)) continue;
        long long s = k.at.utcSeconds();
        if (!best || s < bestSeconds) best = &k, bestSeconds = s;
    }
    if (!best) return std::nullopt;
    return best->at;
}

std::optional<DateTime> allocatedAt(const RuleContext& ctx) {
    if (!ctx.kase.allocation) return std::nullopt;
    return ctx.kase.allocation->allocatedAt;
}

// "from → first thing": on time, late (with a message) or still open.
// `what` names the thing: "First visit", `since` names the start: "allocation".
// While the first thing is still awaited and not late, an open case has it due (`rule`, `dueWhat`).
Outcome firstWithin(const RuleContext& ctx, const Limit& limit, const DateTime& from,
                    const std::optional<DateTime>& first, const std::string& what,
                    const std::string& missing, const std::string& since, const char* rule,
                    const char* dueWhat) {
    if (first) {
        if (limit.met(from, *first)) return O::held();
        return O::failed(what + " on " + when(*first, limit) + ", " + limit.gapText(from, *first) +
                         " after " + since + " on " + when(from, limit) + "; " + standard(limit));
    }
    DateTime end = openEnd(ctx, limit);
    if (limit.met(from, end))
        return O::held().dueNext(dueOn(ctx, rule, limit.deadlineDate(from.date()), dueWhat));
    return O::failed(missing + " by " + ctx.asOf.uk() + ", " + limit.gapText(from, end) +
                     " after " + since + " on " + when(from, limit) + " (" + dueBy(from, limit) +
                     "); " + standard(limit));
}

struct GapResult {
    int late = 0;
    Date from, to;                // the longest late gap
    bool open = false;            // it runs to the as-of date
    std::optional<Date> nextDue;  // the gap still open on the as-of date is not late: its deadline
};

// The gaps start → p1 → ... → pn → as-of, each measured against `limit` (after the first gap,
// against `every` when given). Points before `start` are ignored.
GapResult gaps(Date start, std::vector<Date> points, Date asOf, const Limit& first,
               const Limit& every) {
    std::sort(points.begin(), points.end());
    GapResult result;
    long worst = -1;
    Date previous = start;
    bool firstGap = true;
    auto measure = [&](Date next, bool open) {
        const Limit& limit = firstGap ? first : every;
        firstGap = false;
        if (!limit.met(previous, next)) {
            ++result.late;
            long overrun = daysBetween(limit.deadlineDate(previous), next);
            if (overrun > worst) {
                worst = overrun;
                result.from = previous, result.to = next, result.open = open;
            }
        }
        previous = next;
    };
    for (Date p : points)
        if (p >= start && p <= asOf) measure(p, false);
    const Limit& last = firstGap ? first : every;
    if (last.met(previous, asOf)) result.nextDue = last.deadlineDate(previous);
    measure(asOf, true);
    return result;
}

// Message for the longest late gap: "No visit between 2 April 2026 and 17 April 2026 (15 days),
// due by 16 April 2026; <standardText>", or "No visit since ...: N days by <as-of>, ..." when
// the gap is still open, and how many gaps were late when more than one.
std::string gapMessage(const GapResult& g, const Limit& limit, const std::string& noun,
                       const std::string& standardText) {
    std::string text;
    if (g.open)
        text = "No " + noun + " since " + g.from.uk() + ": " +
               std::to_string(daysBetween(g.from, g.to)) + " days by " + g.to.uk();
    else
        text = "No " + noun + " between " + g.from.uk() + " and " + g.to.uk() + " (" +
               std::to_string(daysBetween(g.from, g.to)) + " days)";
    text += ", " + std::string("due by ") + limit.deadlineDate(g.from).uk() + "; " + standardText;
    if (g.late > 1)
        text += " " + std::to_string(g.late) + " gaps were longer than " + limit.text() + ".";
    return text;
}

// A gap rule's outcome: late gaps are a finding; the open gap, when not late, is due next.
// `message()` words the finding; called only when a gap was late.
template <typename Message>
Outcome gapOutcome(const RuleContext& ctx, const GapResult& g, const char* rule,
                   const char* dueWhat, Message message) {
    Outcome o = g.late ? O::failed(message()) : O::held();
    if (g.nextDue) o.dueNext(dueOn(ctx, rule, *g.nextDue, dueWhat));
    return o;
}

Outcome timeAllocation(const RuleContext& ctx) {
    const Limit& limit = *limitOf(ctx, "time.allocation.limit");
    return firstWithin(ctx, limit, ctx.kase.referral.received, allocatedAt(ctx), "Allocated",
                       "Not allocated", "the referral was received", "time.allocation",
                       "allocation to a worker");
}

Outcome timeFirstContact(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied(kNotAllocated);
    std::optional<DateTime> first =
        earliest(ctx.kase.contacts, [](const Contact&) { return true; });
    return firstWithin(ctx, *limitOf(ctx, "time.first_contact.limit"), *from, first,
                       "First contact", "No contact of any kind", "allocation",
                       "time.first_contact", "first contact with the family");
}

Outcome timeFirstVisit(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied(kNotAllocated);
    bool childSeen = ctx.profile.setting("time.first_visit.child_seen").yes;
    std::optional<DateTime> first = earliest(ctx.kase.contacts, [&](const Contact& k) {
        if (!isVisit(k)) return false;
        if (!childSeen) return true;
        return std::any_of(k.childrenSeen.begin(), k.childrenSeen.end(), [&](const Id& id) {
            const Member* m = ctx.kase.member(id);
            return m && m->isChild();
        });
    });
    const Limit& limit = *limitOf(ctx, "time.first_visit.limit");
    if (childSeen)
        return firstWithin(ctx, limit, *from, first, "First visit where a child was seen",
                           "No visit where a child was seen", "allocation", "time.first_visit",
                           "first visit, seeing a child");
    return firstWithin(ctx, limit, *from, first, "First visit",
                       "No visit where the family was seen", "allocation", "time.first_visit",
                       "first visit");
}

// Why the assessment and initial-meeting clocks do not run, or "".
std::string assessmentClockOff(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return disengagedEarlyReason(ctx);
    if (ctx.stepDown) return "referral route step_down";
    return "";
}

Outcome timeAssessment(const RuleContext& ctx) {
    if (auto why = assessmentClockOff(ctx); !why.empty()) return O::notApplied(why);
    bool fromReferral = ctx.profile.setting("time.assessment.from").choice == "referral";
    std::optional<DateTime> from =
        fromReferral ? std::optional<DateTime>(ctx.kase.referral.received) : allocatedAt(ctx);
    if (!from) return O::notApplied(kNotAllocated);
    Date start = from->date();
    const Limit& limit = *limitOf(ctx, "time.assessment.limit");
    std::string since = fromReferral ? "the referral" : "allocation";

    const auto& a = ctx.kase.assessment;
    std::optional<Date> done;
    if (a && a->completed && a->authorised && a->authorised->date)
        done = std::max(*a->completed, *a->authorised->date);
    Date end = done ? *done : ctx.asOf;
    if (limit.met(start, end)) {
        if (done) return O::held();
        return O::held().dueNext(dueOn(ctx, "time.assessment", limit.deadlineDate(start),
                                       "assessment completed and authorised"));
    }
    if (a && ctx.profile.setting("time.assessment.overdue_reason_accepted").yes &&
        !trimmed(a->overdueReason).empty())
        return O::held();
    DateTime s = DateTime::atMidnight(start), e = DateTime::atMidnight(end);
    if (done)
        return O::failed("Assessment completed on " + a->completed->uk() + " and authorised on " +
                         a->authorised->date->uk() + ", " + limit.gapText(s, e) + " after " +
                         since + " on " + start.uk() + " (due by " +
                         limit.deadlineDate(start).uk() + "); " + standard(limit));
    return O::failed("The assessment is not completed and authorised by " + ctx.asOf.uk() + ", " +
                     limit.gapText(s, e) + " after " + since + " on " + start.uk() + " (due by " +
                     limit.deadlineDate(start).uk() + "); " + standard(limit));
}

const Meeting* initialMeeting(const Case& c) {
    const Meeting* first = nullptr;
    for (const Meeting& m : c.meetings)
        if (m.kind == "initial_taf" && (!first || m.at < first->at)) first = &m;
    return first;
}

Outcome timeInitialMeeting(const RuleContext& ctx) {
    if (auto why = assessmentClockOff(ctx); !why.empty()) return O::notApplied(why);
    const Meeting* meeting = initialMeeting(ctx.kase);
    Date held = meeting ? meeting->at.date() : ctx.asOf;

    struct Part {
        const char* key;
        std::optional<Date> from;
        std::string since;
    };
    const auto& a = ctx.kase.assessment;
    std::optional<DateTime> alloc = allocatedAt(ctx);
    std::vector<Part> parts = {
        {"time.initial_meeting.after_assessment", a && a->completed ? a->completed : std::nullopt,
         "the assessment was completed on "},
        {"time.initial_meeting.from_referral", ctx.kase.referral.received.date(),
         "the referral on "},
        {"time.initial_meeting.from_allocation",
         alloc ? std::optional<Date>(alloc->date()) : std::nullopt, "allocation on "},
    };
    std::vector<std::string> late;
    std::optional<Date> due;  // the soonest deadline still to come while the meeting is awaited
    for (const Part& p : parts) {
        const Limit* limit = limitOf(ctx, p.key);
        if (!limit || !p.from) continue;
        if (limit->met(*p.from, held)) {
            Date d = limit->deadlineDate(*p.from);
            if (!meeting && (!due || d < *due)) due = d;
            continue;
        }
        late.push_back(limit->gapText(DateTime::atMidnight(*p.from), DateTime::atMidnight(held)) +
                       " after " + p.since + p.from->uk() + " (the standard is " + limit->text() +
                       ", due by " + limit->deadlineDate(*p.from).uk() + ")");
    }
    if (late.empty()) {
        if (!due) return O::held();
        return O::held().dueNext(dueOn(ctx, "time.initial_meeting", *due, "initial TAF meeting"));
    }
    if (meeting)
        return O::failed("Initial TAF meeting held on " + held.uk() + ", " + joinWords(late) + ".");
    return O::failed("No initial TAF meeting by " + held.uk() + ", " + joinWords(late) + ".");
}

Outcome timeVisitInterval(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    const Meeting* meeting = initialMeeting(ctx.kase);
    if (!meeting) return O::notApplied(kNoInitialMeeting);
    std::vector<Date> visits;
    for (const Contact& k : ctx.kase.contacts)
        if (isVisit(k)) visits.push_back(k.at.date());
    const Limit& limit = *limitOf(ctx, "time.visit_interval.limit");
    GapResult g = gaps(meeting->at.date(), visits, ctx.asOf, limit, limit);
    return gapOutcome(ctx, g, "time.visit_interval", "next visit", [&] {
        return gapMessage(
            g, limit, "visit",
            "after the initial meeting visits are due at least every " + limit.text() + ".");
    });
}

Outcome timeReviewInterval(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    const Meeting* meeting = initialMeeting(ctx.kase);
    if (!meeting) return O::notApplied(kNoInitialMeeting);
    std::vector<Date> tafs;
    for (const Meeting& m : ctx.kase.meetings)
        if (m.isTaf() && &m != meeting) tafs.push_back(m.at.date());
    const Limit& limit = *limitOf(ctx, "time.review_interval.limit");
    GapResult g = gaps(meeting->at.date(), tafs, ctx.asOf, limit, limit);
    return gapOutcome(ctx, g, "time.review_interval", "review TAF meeting", [&] {
        return gapMessage(g, limit, "TAF meeting",
                          "TAF meetings are due at least every " + limit.text() + ".");
    });
}

Outcome timeSupervisionInterval(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied(kNotAllocated);
    std::vector<Date> dates;
    for (const Supervision& s : ctx.kase.supervision) dates.push_back(s.at.date());
    const Limit& limit = *limitOf(ctx, "time.supervision_interval.limit");
    GapResult g = gaps(alloc->date(), dates, ctx.asOf, limit, limit);
    return gapOutcome(ctx, g, "time.supervision_interval", "supervision", [&] {
        return gapMessage(g, limit, "supervision record",
                          "supervision is due at least every " + limit.text() + ".");
    });
}

Outcome timeVoiceOfChild(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied(kNotAllocated);
    const Limit& limit = *limitOf(ctx, "time.voice_of_child.limit");
    std::vector<std::string> messages;
    std::vector<DueItem> due;
    for (const Member& child : ctx.kase.family.members) {
        if (!child.isChild() || !child.hasConsent()) continue;
        std::vector<Date> dates;
        for (const Contact& k : ctx.kase.contacts)
            for (const Words& w : k.voiceOfChild)
                if (w.member == child.id) dates.push_back(k.at.date());
        for (const Meeting& m : ctx.kase.meetings)
            for (const Words& w : m.childViews)
                if (w.member == child.id) dates.push_back(m.at.date());
        const auto& a = ctx.kase.assessment;
        if (a && a->completed)
            for (const Words& w : a->childViews)
                if (w.member == child.id) dates.push_back(*a->completed);
        GapResult g = gaps(alloc->date(), dates, ctx.asOf, limit, limit);
        if (g.nextDue && ctx.open)
            due.push_back({"time.voice_of_child", *g.nextDue,
                           memberName(ctx.kase, child.id) + "'s own words recorded"});
        if (g.late)
            messages.push_back(
                gapMessage(g, limit, "record of " + memberName(ctx.kase, child.id) + "'s own words",
                           "a child's words are due at least every " + limit.text() + "."));
    }
    if (messages.empty()) return O::held().dueNext(std::move(due));
    std::string text;
    for (const std::string& m : messages) text += (text.empty() ? "" : " ") + m;
    return O::failed(text).dueNext(std::move(due));
}

Outcome timeRecording(const RuleContext& ctx) {
    const Limit& limit = *limitOf(ctx, "time.recording.limit");
    int late = 0;
    const Contact* worst = nullptr;
    long long worstSeconds = 0;
    for (const Contact& k : ctx.kase.contacts) {
        if (!k.recordedAt) continue;
        long long s = k.recordedAt->utcSeconds() - k.at.utcSeconds();
        bool met = limit.inHours() ? s <= limit.count() * 3600LL : limit.met(k.at, *k.recordedAt);
        if (met) continue;
        ++late;
        if (!worst || s > worstSeconds) worst = &k, worstSeconds = s;
    }
    if (!late) return O::held();
    std::string text = late == 1 ? "A case note was" : std::to_string(late) + " case notes were";
    return O::failed(text + " written up late; " +
                     (late == 1 ? "the " : "the longest delay: the ") + humanise(worst->kind) +
                     " on " + worst->at.uk() + " was recorded on " + worst->recordedAt->uk() +
                     ", " + limit.gapText(worst->at, *worst->recordedAt) + " later; " +
                     standard(limit));
}

Outcome timeCaseSummary(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied(kNotAllocated);
    std::vector<Date> dates;
    for (const IssuedDocument& d : ctx.kase.documents)
        if (d.type == "case_summary") dates.push_back(d.issuedAt.date());
    const Limit& first = *limitOf(ctx, "time.case_summary.first");
    const Limit& every = *limitOf(ctx, "time.case_summary.every");
    GapResult g = gaps(alloc->date(), dates, ctx.asOf, first, every);
    bool isFirst = g.from == alloc->date();
    const Limit& limit = isFirst ? first : every;
    return gapOutcome(ctx, g, "time.case_summary", "case summary", [&] {
        return gapMessage(g, limit, "case summary",
                          "the first case summary is due within " + first.text() +
                              " of allocation, then every " + every.text() + ".");
    });
}

Outcome timeDuration(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied(kNotAllocated);
    const Limit& limit = *limitOf(ctx, "time.duration.limit");
    Date start = alloc->date();
    if (limit.met(start, ctx.asOf)) return O::held();
    // Closed by the measuring date: measured to the closure; otherwise still open on it.
    const bool closedBy = ctx.closure() && ctx.closure()->date <= ctx.asOf;
    std::string until = closedBy ? "closure on " + ctx.asOf.uk() : ctx.asOf.uk() + " (still open)";
    return O::failed("Worked with the family for " + std::to_string(daysBetween(start, ctx.asOf)) +
                     " days, from allocation on " + start.uk() + " to " + until +
                     "; the standard is at most " + limit.text() + " (until " +
                     limit.deadlineDate(start).uk() + ").");
}

Outcome timeNoContact(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied(kNotAllocated);
    std::optional<DateTime> first = earliest(ctx.kase.contacts, isSuccessfulContact);
    const Limit& limit = *limitOf(ctx, "time.no_contact.limit");
    return firstWithin(ctx, limit, *from, first, "First successful contact",
                       "No successful contact with the family", "allocation", "time.no_contact",
                       "a successful contact with the family");
}

// One of the manager's target dates (allocation.targets) and when it was met, if it was.
struct Target {
    const char* key;
    std::optional<Date> by;
    std::optional<Date> done;
    const char* what;
};

std::optional<Date> firstVisitDate(const Case& c) {
    std::optional<Date> first;
    for (const Contact& k : c.contacts)
        if (isVisit(k) && (!first || k.at.date() < *first)) first = k.at.date();
    return first;
}

Outcome timeTargets(const RuleContext& ctx) {
    if (!ctx.kase.allocation) return O::notApplied(kNotAllocated);
    const AllocationTargets& t = ctx.kase.allocation->targets;
    const auto& a = ctx.kase.assessment;
    std::optional<Date> assessed;
    if (a && a->completed && a->authorised && a->authorised->date)
        assessed = std::max(*a->completed, *a->authorised->date);
    const Meeting* meeting = initialMeeting(ctx.kase);
    std::optional<Date> review;
    for (const Supervision& s : ctx.kase.supervision)
        if ((s.kind == "management_oversight" || s.kind == "case_discussion") &&
            (!review || s.at.date() < *review))
            review = s.at.date();
    const Target targets[] = {
        {"first_visit", t.firstVisit, firstVisitDate(ctx.kase), "first visit"},
        {"assessment", t.assessment, assessed, "assessment completed and authorised"},
        {"first_meeting", t.firstMeeting,
         meeting ? std::optional<Date>(meeting->at.date()) : std::nullopt, "initial TAF meeting"},
        {"manager_review", t.managerReview, review, "manager's review"},
    };
    std::vector<std::string> missed;
    std::vector<DueItem> due;
    bool any = false;
    for (const Target& x : targets) {
        if (!x.by) continue;
        any = true;
        if (x.done && *x.done <= *x.by) continue;
        if (x.done)
            missed.push_back(std::string(x.what) + " on " + x.done->uk() +
                             ", after the target of " + x.by->uk());
        else if (*x.by < ctx.asOf)
            missed.push_back(std::string(x.what) + " not done by " + ctx.asOf.uk() + " (target " +
                             x.by->uk() + ")");
        else
            for (DueItem& d :
                 dueOn(ctx, "time.targets", *x.by, std::string(x.what) + " (manager's target)"))
                due.push_back(std::move(d));
    }
    if (!any) return O::notApplied("no targets in allocation.targets");
    if (missed.empty()) return O::held().dueNext(std::move(due));
    return O::failed("The manager's target" + std::string(missed.size() == 1 ? " was" : "s were") +
                     " missed: " + joinWords(missed) + ".")
        .dueNext(std::move(due));
}

Outcome timePlanReview(const RuleContext& ctx) {
    std::vector<std::string> missed;
    std::vector<DueItem> due;
    bool any = false;
    for (const Plan& p : ctx.kase.plans) {
        if (!p.reviewBy) continue;
        any = true;
        bool reviewed =
            std::any_of(ctx.kase.meetings.begin(), ctx.kase.meetings.end(), [&](const Meeting& m) {
                Date on = m.at.date();
                return m.isTaf() && on > p.date && on <= *p.reviewBy;
            });
        if (reviewed) continue;
        std::string what = "review of plan version " + std::to_string(p.version);
        if (*p.reviewBy < ctx.asOf)
            missed.push_back("plan version " + std::to_string(p.version) + " of " + p.date.uk() +
                             " was to be reviewed by " + p.reviewBy->uk());
        else
            for (DueItem& d : dueOn(ctx, "time.plan_review", *p.reviewBy, what))
                due.push_back(std::move(d));
    }
    if (!any) return O::notApplied("no plan has a review date (`review_by`)");
    if (missed.empty()) return O::held().dueNext(std::move(due));
    return O::failed("No TAF meeting reviewed the plan in time: " + joinWords(missed) + ".")
        .dueNext(std::move(due));
}

}  // namespace

const std::map<std::string, RuleFunction>& timeRuleFunctions() {
    static const std::map<std::string, RuleFunction> kRules = {
        {"time.allocation", timeAllocation},
        {"time.first_contact", timeFirstContact},
        {"time.first_visit", timeFirstVisit},
        {"time.assessment", timeAssessment},
        {"time.initial_meeting", timeInitialMeeting},
        {"time.visit_interval", timeVisitInterval},
        {"time.review_interval", timeReviewInterval},
        {"time.supervision_interval", timeSupervisionInterval},
        {"time.voice_of_child", timeVoiceOfChild},
        {"time.recording", timeRecording},
        {"time.case_summary", timeCaseSummary},
        {"time.duration", timeDuration},
        {"time.no_contact", timeNoContact},
        {"time.targets", timeTargets},
        {"time.plan_review", timePlanReview},
    };
    return kRules;
}

}  // namespace ehdocs::rules
