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
Outcome firstWithin(const RuleContext& ctx, const Limit& limit, const DateTime& from,
                    const std::optional<DateTime>& first, const std::string& what,
                    const std::string& missing, const std::string& since) {
    if (first) {
        if (limit.met(from, *first)) return O::held();
        return O::failed(what + " on " + when(*first, limit) + ", " + limit.gapText(from, *first) +
                         " after " + since + " on " + when(from, limit) + "; " + standard(limit));
    }
    DateTime end = openEnd(ctx, limit);
    if (limit.met(from, end)) return O::held();
    return O::failed(missing + " by " + ctx.asOf.uk() + ", " + limit.gapText(from, end) +
                     " after " + since + " on " + when(from, limit) + " (" + dueBy(from, limit) +
                     "); " + standard(limit));
}

struct GapResult {
    int late = 0;
    Date from, to;      // the longest late gap
    bool open = false;  // it runs to the as-of date
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

Outcome timeAllocation(const RuleContext& ctx) {
    const Limit& limit = *limitOf(ctx, "time.allocation.limit");
    return firstWithin(ctx, limit, ctx.kase.referral.received, allocatedAt(ctx), "Allocated",
                       "Not allocated", "the referral was received");
}

Outcome timeFirstContact(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied();
    std::optional<DateTime> first =
        earliest(ctx.kase.contacts, [](const Contact&) { return true; });
    return firstWithin(ctx, *limitOf(ctx, "time.first_contact.limit"), *from, first,
                       "First contact", "No contact of any kind", "allocation");
}

Outcome timeFirstVisit(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied();
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
                           "No visit where a child was seen", "allocation");
    return firstWithin(ctx, limit, *from, first, "First visit",
                       "No visit where the family was seen", "allocation");
}

Outcome timeAssessment(const RuleContext& ctx) {
    if (ctx.disengagedEarly || ctx.stepDown) return O::notApplied();
    bool fromReferral = ctx.profile.setting("time.assessment.from").choice == "referral";
    std::optional<DateTime> from =
        fromReferral ? std::optional<DateTime>(ctx.kase.referral.received) : allocatedAt(ctx);
    if (!from) return O::notApplied();
    Date start = from->date();
    const Limit& limit = *limitOf(ctx, "time.assessment.limit");
    std::string since = fromReferral ? "the referral" : "allocation";

    const auto& a = ctx.kase.assessment;
    std::optional<Date> done;
    if (a && a->completed && a->authorised && a->authorised->date)
        done = std::max(*a->completed, *a->authorised->date);
    Date end = done ? *done : ctx.asOf;
    if (limit.met(start, end)) return O::held();
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
    if (ctx.disengagedEarly || ctx.stepDown) return O::notApplied();
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
    for (const Part& p : parts) {
        const Limit* limit = limitOf(ctx, p.key);
        if (!limit || !p.from || limit->met(*p.from, held)) continue;
        late.push_back(limit->gapText(DateTime::atMidnight(*p.from), DateTime::atMidnight(held)) +
                       " after " + p.since + p.from->uk() + " (the standard is " + limit->text() +
                       ", due by " + limit->deadlineDate(*p.from).uk() + ")");
    }
    if (late.empty()) return O::held();
    if (meeting)
        return O::failed("Initial TAF meeting held on " + held.uk() + ", " + joinWords(late) + ".");
    return O::failed("No initial TAF meeting by " + held.uk() + ", " + joinWords(late) + ".");
}

Outcome timeVisitInterval(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied();
    const Meeting* meeting = initialMeeting(ctx.kase);
    if (!meeting) return O::notApplied();
    std::vector<Date> visits;
    for (const Contact& k : ctx.kase.contacts)
        if (isVisit(k)) visits.push_back(k.at.date());
    const Limit& limit = *limitOf(ctx, "time.visit_interval.limit");
    GapResult g = gaps(meeting->at.date(), visits, ctx.asOf, limit, limit);
    if (!g.late) return O::held();
    return O::failed(gapMessage(
        g, limit, "visit",
        "after the initial meeting visits are due at least every " + limit.text() + "."));
}

Outcome timeReviewInterval(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied();
    const Meeting* meeting = initialMeeting(ctx.kase);
    if (!meeting) return O::notApplied();
    std::vector<Date> tafs;
    for (const Meeting& m : ctx.kase.meetings)
        if (m.isTaf() && &m != meeting) tafs.push_back(m.at.date());
    const Limit& limit = *limitOf(ctx, "time.review_interval.limit");
    GapResult g = gaps(meeting->at.date(), tafs, ctx.asOf, limit, limit);
    if (!g.late) return O::held();
    return O::failed(gapMessage(g, limit, "TAF meeting",
                                "TAF meetings are due at least every " + limit.text() + "."));
}

Outcome timeSupervisionInterval(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied();
    std::vector<Date> dates;
    for (const Supervision& s : ctx.kase.supervision) dates.push_back(s.at.date());
    const Limit& limit = *limitOf(ctx, "time.supervision_interval.limit");
    GapResult g = gaps(alloc->date(), dates, ctx.asOf, limit, limit);
    if (!g.late) return O::held();
    return O::failed(gapMessage(g, limit, "supervision record",
                                "supervision is due at least every " + limit.text() + "."));
}

Outcome timeVoiceOfChild(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied();
    const Limit& limit = *limitOf(ctx, "time.voice_of_child.limit");
    std::vector<std::string> messages;
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
        if (g.late)
            messages.push_back(
                gapMessage(g, limit, "record of " + memberName(ctx.kase, child.id) + "'s own words",
                           "a child's words are due at least every " + limit.text() + "."));
    }
    if (messages.empty()) return O::held();
    std::string text;
    for (const std::string& m : messages) text += (text.empty() ? "" : " ") + m;
    return O::failed(text);
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
    if (!alloc) return O::notApplied();
    std::vector<Date> dates;
    for (const IssuedDocument& d : ctx.kase.documents)
        if (d.type == "case_summary") dates.push_back(d.issuedAt.date());
    const Limit& first = *limitOf(ctx, "time.case_summary.first");
    const Limit& every = *limitOf(ctx, "time.case_summary.every");
    GapResult g = gaps(alloc->date(), dates, ctx.asOf, first, every);
    if (!g.late) return O::held();
    bool isFirst = g.from == alloc->date();
    const Limit& limit = isFirst ? first : every;
    return O::failed(gapMessage(g, limit, "case summary",
                                "the first case summary is due within " + first.text() +
                                    " of allocation, then every " + every.text() + "."));
}

Outcome timeDuration(const RuleContext& ctx) {
    std::optional<DateTime> alloc = allocatedAt(ctx);
    if (!alloc) return O::notApplied();
    const Limit& limit = *limitOf(ctx, "time.duration.limit");
    Date start = alloc->date();
    if (limit.met(start, ctx.asOf)) return O::held();
    std::string until =
        ctx.closure() ? "closure on " + ctx.asOf.uk() : ctx.asOf.uk() + " (still open)";
    return O::failed("Worked with the family for " + std::to_string(daysBetween(start, ctx.asOf)) +
                     " days, from allocation on " + start.uk() + " to " + until +
                     "; the standard is at most " + limit.text() + " (until " +
                     limit.deadlineDate(start).uk() + ").");
}

Outcome timeNoContact(const RuleContext& ctx) {
    std::optional<DateTime> from = allocatedAt(ctx);
    if (!from) return O::notApplied();
    std::optional<DateTime> first = earliest(ctx.kase.contacts, isSuccessfulContact);
    const Limit& limit = *limitOf(ctx, "time.no_contact.limit");
    return firstWithin(ctx, limit, *from, first, "First successful contact",
                       "No successful contact with the family", "allocation");
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
    };
    return kRules;
}

}  // namespace ehdocs::rules
