// The record rules: what a case file must hold at closure (docs/rules.md, "Record rules").
// Each function reads a case already cut to the as-of date and says held, failed (why, in
// words a team leader can act on) or not applied.

#include <algorithm>
#include <set>

#include "rules/RuleContext.h"

namespace ehdocs::rules {
namespace {

using O = Outcome;

bool hasText(const std::string& s) {
    return !trimmed(s).empty();
}

bool issued(const Case& c, const std::string& type) {
    return std::any_of(c.documents.begin(), c.documents.end(),
                       [&](const IssuedDocument& d) { return d.type == type; });
}

std::optional<Date> firstIssued(const Case& c, const std::string& type, Date notBefore) {
    std::optional<Date> best;
    for (const IssuedDocument& d : c.documents)
        if (d.type == type && d.issuedAt.date() >= notBefore &&
            (!best || d.issuedAt.date() < *best))
            best = d.issuedAt.date();
    return best;
}

bool goalsReason(const RuleContext& ctx) {
    return ctx.closedFor({"goals_achieved", "work_complete_universal_support"});
}

// The profile's `closure.engagement_attempts.reasons` include the case's closure reason.
bool attemptsOwed(const RuleContext& ctx) {
    return ctx.closure() &&
           contains(ctx.profile.setting("closure.engagement_attempts.reasons").list,
                    ctx.closure()->reason);
}

// The latest step-up transfer, or nullptr.
const Transfer* stepUpTransfer(const Case& c) {
    const Transfer* latest = nullptr;
    for (const Transfer& t : c.transfers)
        if (t.kind == "step_up" && (!latest || t.decided >= latest->decided)) latest = &t;
    return latest;
}

// A step-up where a manager decided the family is not told (000: 14.2; 001: 7.3): "" when the
// transfer records it fully, otherwise what is missing. Only asked when family_informed is false.
std::string notInformedGap(const RuleContext& ctx, const Transfer& t) {
    std::vector<std::string> missing;
    if (!hasText(t.notInformedReason)) missing.push_back("why (`not_informed_reason`)");
    if (t.decidedBy.empty())
        missing.push_back("which manager decided (`decided_by`)");
    else if (!ctx.isManager(t.decidedBy))
        missing.push_back("a manager's decision (`decided_by` " + t.decidedBy +
                          " is not in the profile's `managers`)");
    return joinWords(missing);
}

bool familyNotToBeTold(const RuleContext& ctx, const Transfer* t) {
    return t && !t->familyInformed && notInformedGap(ctx, *t).empty();
}

Outcome consentRecorded(const RuleContext& ctx) {
    const Referral& r = ctx.kase.referral;
    if (!r.consent) return O::failed("No consent is recorded on the referral.");
    const ReferralConsent& c = *r.consent;
    std::vector<std::string> missing;
    if (!c.given) missing.push_back("is not recorded as given");
    if (!c.written) missing.push_back("is not recorded as written");
    if (!c.date) missing.push_back("has no date");
    if (c.givenBy.empty()) missing.push_back("does not say who gave it");
    if (!missing.empty()) return O::failed("The referral's consent " + joinWords(missing) + ".");

    const Member* m = ctx.kase.member(c.givenBy);
    Date on = c.date ? *c.date : r.received.date();
    bool parent = m && m->isAdult() && m->parentalResponsibility;
    bool youngPerson = m && m->isChild() && m->dob && ageOn(*m->dob, on) >= 16;
    if (!parent && !youngPerson)
        return O::failed("Consent was given by " + memberName(ctx.kase, c.givenBy) +
                         ", who is neither an adult with parental responsibility nor a young "
                         "person aged 16 or over on " +
                         on.uk() + ".");
    return O::held();
}

Outcome allocationRecorded(const RuleContext& ctx) {
    if (!ctx.kase.allocation) return O::failed("No allocation is recorded.");
    const Allocation& a = *ctx.kase.allocation;
    std::vector<std::string> missing;
    if (!a.allocatedAt) missing.push_back("its date and time");
    if (a.worker.empty()) missing.push_back("the worker");
    if (!hasText(a.note)) missing.push_back("an allocation note");
    if (missing.empty()) return O::held();
    return O::failed("The allocation does not record " + joinWords(missing) + ".");
}

Outcome leadWorkerRecorded(const RuleContext& ctx) {
    if (!ctx.kase.leadWorker.empty()) return O::held();
    return O::failed("No lead worker is named (`lead_worker`).");
}

Outcome familyNetwork(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    std::vector<std::string> noRelationship;
    for (const Member& m : ctx.kase.family.members)
        if (!hasText(m.relationship)) noRelationship.push_back(memberName(ctx.kase, m.id));
    std::vector<std::string> problems;
    if (!noRelationship.empty())
        problems.push_back("no relationship is recorded for " + joinWords(noRelationship) +
                           " (genogram)");
    if (ctx.kase.family.network.empty())
        problems.push_back("the family's network has no links (ecomap)");
    if (problems.empty()) return O::held();
    std::string text = joinWords(problems);
    text[0] = static_cast<char>(std::toupper(text[0]));
    return O::failed(text + ".");
}

// Why the assessment rules do not apply, or "" when they do.
std::string assessmentExemption(const RuleContext& ctx) {
    if (ctx.stepDown) return "referral route step_down";
    if (ctx.disengagedEarly) return disengagedEarlyReason(ctx);
    return "";
}

Outcome assessmentCompleted(const RuleContext& ctx) {
    if (auto why = assessmentExemption(ctx); !why.empty()) return O::notApplied(why);
    const auto& a = ctx.kase.assessment;
    if (!a) return O::failed("No Early Help Assessment is recorded.");
    if (!a->completed && !(a->authorised && a->authorised->date))
        return O::failed("The assessment is neither completed nor authorised.");
    if (!a->completed) return O::failed("The assessment has no completion date.");
    if (!a->authorised || a->authorised->by.empty() || !a->authorised->date)
        return O::failed("The assessment completed on " + a->completed->uk() +
                         " has not been authorised by a manager (who and when).");
    return O::held();
}

Outcome assessmentShared(const RuleContext& ctx) {
    if (auto why = assessmentExemption(ctx); !why.empty()) return O::notApplied(why);
    const auto& a = ctx.kase.assessment;
    if (!a) return O::failed("No assessment is recorded, so none has been shared with the family.");
    std::vector<std::string> missing;
    if (!a->sharedWithFamily) missing.push_back("the date it was shared with the family");
    if (!hasText(a->familyViews)) missing.push_back("the family's views on it");
    if (missing.empty()) return O::held();
    return O::failed("The assessment does not record " + joinWords(missing) + ".");
}

Outcome assessmentChildViews(const RuleContext& ctx) {
    if (auto why = assessmentExemption(ctx); !why.empty()) return O::notApplied(why);
    const auto& a = ctx.kase.assessment;
    Date on = a && a->completed ? *a->completed : ctx.asOf;
    long minAge = ctx.profile.setting("assessment.child_views.min_age").number;
    std::vector<std::string> without;
    for (const Member& m : ctx.kase.family.members) {
        if (!m.isChild() || !m.hasConsent() || !m.dob || ageOn(*m.dob, on) < minAge) continue;
        bool heard =
            a && std::any_of(a->childViews.begin(), a->childViews.end(),
                             [&](const Words& w) { return w.member == m.id && hasText(w.text); });
        if (!heard) without.push_back(memberName(ctx.kase, m.id));
    }
    if (without.empty()) return O::held();
    return O::failed("The assessment does not record the child's own words for " +
                     joinWords(without) + " (every consented child aged " + std::to_string(minAge) +
                     " or over on " + on.uk() + ").");
}

Outcome planRecorded(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    if (ctx.kase.plans.empty()) return O::failed("No Early Help plan is recorded.");
    for (const Plan& p : ctx.kase.plans) {
        bool action = std::any_of(p.actions.begin(), p.actions.end(),
                                  [](const Action& a) { return hasText(a.who) && a.by; });
        if (!p.goals.empty() && action) return O::held();
    }
    return O::failed(
        "No plan has both a goal and an action that says who will do it and by "
        "when.");
}

Outcome planActionsResolved(const RuleContext& ctx) {
    if (!goalsReason(ctx)) return O::notApplied(closureReasonText(ctx));
    const Plan* plan = ctx.kase.latestPlan();
    if (!plan) return O::held();
    std::vector<std::string> open;
    for (const Action& a : plan->actions)
        if (a.status != "done" && a.status != "dropped" && a.status != "handed_over")
            open.push_back("\"" + a.action + "\" (" + humanise(a.status) + ")");
    if (open.empty()) return O::held();
    return O::failed("Plan version " + std::to_string(plan->version) + " still has " +
                     std::to_string(open.size()) + (open.size() == 1 ? " action" : " actions") +
                     " not done, dropped or handed over: " + joinWords(open) + ".");
}

Outcome contactsRecorded(const RuleContext& ctx) {
    if (!ctx.kase.contacts.empty()) return O::held();
    return O::failed("No case notes (contacts) are recorded.");
}

Outcome contactsFinalised(const RuleContext& ctx) {
    std::vector<std::string> drafts;
    for (const Contact& k : ctx.kase.contacts)
        if (k.status == "draft") drafts.push_back(humanise(k.kind) + " on " + k.at.date().uk());
    if (drafts.empty()) return O::held();
    return O::failed(std::to_string(drafts.size()) +
                     (drafts.size() == 1 ? " case note is" : " case notes are") +
                     " still in draft: " + joinWords(drafts) + ".");
}

Outcome meetingsInitial(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    bool any = false;
    for (const Meeting& m : ctx.kase.meetings) {
        if (m.kind != "initial_taf") continue;
        any = true;
        if (!m.decisions.empty() || hasText(m.discussion)) return O::held();
    }
    if (any)
        return O::failed(
            "The initial TAF meeting has no decisions or discussion recorded "
            "(minutes).");
    return O::failed("No initial Team Around the Family meeting is recorded.");
}

Outcome chronologyRecorded(const RuleContext& ctx) {
    if (!ctx.kase.chronology.empty()) return O::held();
    if (std::any_of(ctx.kase.contacts.begin(), ctx.kase.contacts.end(),
                    [](const Contact& k) { return k.significant; }))
        return O::held();
    return O::failed("No chronology of significant events is recorded.");
}

Outcome correspondenceRecorded(const RuleContext& ctx) {
    for (const Correspondence& c : ctx.kase.correspondence)
        if (c.direction == "sent") return O::held();
    return O::failed("No correspondence sent to the family is recorded.");
}

Outcome directWorkRecorded(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    for (const DirectWork& w : ctx.kase.directWork) {
        for (const Id& id : w.members) {
            const Member* m = ctx.kase.member(id);
            if (m && m->isChild()) return O::held();
        }
    }
    return O::failed("No direct work with a child is recorded.");
}

Outcome agencyReferralsCompleted(const RuleContext& ctx) {
    if (!ctx.closure()) return O::held();
    std::set<std::string> referred;
    for (const AgencyReferral& r : ctx.kase.agencyReferrals)
        referred.insert(lowerTrimmed(r.agency));
    std::vector<std::string> missing;
    for (const OngoingSupport& s : ctx.closure()->ongoingSupport)
        if (!referred.count(lowerTrimmed(s.agency))) missing.push_back(trimmed(s.agency));
    if (missing.empty()) return O::held();
    return O::failed("The closure names ongoing support from " + joinWords(missing) +
                     " but no referral to " + (missing.size() == 1 ? "it" : "them") +
                     " is recorded.");
}

Outcome summaryCase(const RuleContext& ctx) {
    if (issued(ctx.kase, "case_summary")) return O::held();
    return O::failed("No case summary (`case_summary`) has been issued.");
}

Outcome summaryTransfer(const RuleContext& ctx) {
    bool any = false;
    std::vector<std::string> missing;
    for (const Transfer& t : ctx.kase.transfers) {
        if (t.kind != "step_up" && t.kind != "to_universal" && t.kind != "lead_change") continue;
        any = true;
        if (!firstIssued(ctx.kase, "transfer_summary", t.decided))
            missing.push_back(humanise(t.kind) + " decided on " + t.decided.uk());
    }
    if (!any) return O::notApplied("no step-up, to-universal or lead-change transfer");
    if (missing.empty()) return O::held();
    return O::failed("No transfer summary (`transfer_summary`) was issued on or after the " +
                     joinWords(missing) + ".");
}

Outcome summaryClosure(const RuleContext& ctx) {
    std::optional<Date> last;
    for (const Contact& k : ctx.kase.contacts)
        if (!last || k.at.date() > *last) last = k.at.date();
    for (const Meeting& m : ctx.kase.meetings)
        if (!last || m.at.date() > *last) last = m.at.date();
    std::vector<std::string> problems;
    if (!firstIssued(ctx.kase, "closure_summary", last.value_or(Date())))
        problems.push_back(last ? "no closing summary (`closure_summary`) was issued on or after "
                                  "the last contact or meeting on " +
                                      last->uk()
                                : "no closing summary (`closure_summary`) has been issued");
    const Closure* cl = ctx.closure();
    if (!cl) {
        problems.push_back("there is no closure section to hold the reason and the work done");
    } else {
        std::vector<std::string> missing;
        if (!hasText(cl->reasonDetail)) missing.push_back("the reason in detail");
        if (goalsReason(ctx)) {
            if (!hasText(cl->workUndertaken)) missing.push_back("the work undertaken");
            if (!hasText(cl->outcomesAchieved)) missing.push_back("the outcomes achieved");
        }
        if (attemptsOwed(ctx) && cl->engagementAttempts.empty())
            missing.push_back("the attempts made to engage the family");
        if (!missing.empty())
            problems.push_back("the closure does not record " + joinWords(missing));
    }
    if (problems.empty()) return O::held();
    std::string text = joinWords(problems);
    text[0] = static_cast<char>(std::toupper(text[0]));
    return O::failed(text + ".");
}

Outcome supervisionRecorded(const RuleContext& ctx) {
    if (!ctx.kase.supervision.empty()) return O::held();
    return O::failed("No supervision or management oversight is recorded.");
}

Outcome supervisionClosureOversight(const RuleContext& ctx) {
    for (const Supervision& s : ctx.kase.supervision)
        if (s.point == "closure") return O::held();
    return O::failed("No supervision record at the point of closure (`point: closure`).");
}

Outcome closureReason(const RuleContext& ctx) {
    const Closure* cl = ctx.closure();
    if (!cl)
        return O::failed(
            "The case is still open: no closure date, reason or detail is "
            "recorded.");
    if (!hasText(cl->reasonDetail))
        return O::failed("The closure (" + humanise(cl->reason) + ", " + cl->date.uk() +
                         ") does not explain the reason in detail (`reason_detail`).");
    return O::held();
}

Outcome closureEndingMeeting(const RuleContext& ctx) {
    if (!goalsReason(ctx)) return O::notApplied(closureReasonText(ctx));
    const Closure* cl = ctx.closure();
    if (hasText(cl->noEndingMeetingReason)) return O::held();
    if (cl->endingMeeting.empty())
        return O::failed(
            "The closure names no ending meeting and gives no reason why none was "
            "held.");
    const Meeting* m = ctx.kase.meeting(cl->endingMeeting);
    if (!m)
        return O::failed("The ending meeting `" + cl->endingMeeting +
                         "` is not in the file or is dated after " + ctx.checkDate.uk() + ".");
    if (m->kind != "ending")
        return O::failed("The closure's ending meeting `" + m->id + "` is a " + humanise(m->kind) +
                         " meeting, not an ending meeting.");
    return O::held();
}

Outcome closureFamilyLetter(const RuleContext& ctx) {
    const Closure* cl = ctx.closure();
    std::vector<std::string> types;
    if (!cl)
        types = {"closure_letter", "no_contact_letter", "ending_letter"};
    else if (cl->reason == "disengaged" || cl->reason == "consent_withdrawn")
        types = {"closure_letter", "no_contact_letter"};
    else if (cl->reason == "stepped_up")
        types = {"ending_letter"};
    else
        types = {"closure_letter"};
    for (const std::string& t : types)
        if (issued(ctx.kase, t)) return O::held();
    const Transfer* stepUp = cl && cl->reason == "stepped_up" ? stepUpTransfer(ctx.kase) : nullptr;
    if (familyNotToBeTold(ctx, stepUp)) return O::held();
    std::vector<std::string> quoted;
    for (const std::string& t : types) quoted.push_back("`" + t + "`");
    std::string alternatives = quoted.size() == 1 ? quoted[0] : "";
    if (quoted.size() > 1) {
        alternatives = quoted[0];
        for (size_t i = 1; i < quoted.size(); ++i)
            alternatives += (i + 1 == quoted.size() ? " or " : ", ") + quoted[i];
    }
    if (!cl) return O::failed("No closing letter (" + alternatives + ") has been issued yet.");
    std::string text = "The letter owed to the family when a case closes as " +
                       humanise(cl->reason) + " (" + alternatives + ") has not been issued.";
    if (stepUp && !stepUp->familyInformed)
        text += " The step-up transfer says the family is not to be told, but does not record " +
                notInformedGap(ctx, *stepUp) + ".";
    return O::failed(text);
}

Outcome closureFeedback(const RuleContext& ctx) {
    if (!goalsReason(ctx)) return O::notApplied(closureReasonText(ctx));
    if (!ctx.kase.feedback.empty()) return O::held();
    return O::failed("No feedback from the family is recorded (an offer they declined counts).");
}

Outcome closureEngagementAttempts(const RuleContext& ctx) {
    if (!attemptsOwed(ctx))
        return O::notApplied(closureReasonText(ctx) + " (profile " + ctx.profile.id + ")");
    const Closure* cl = ctx.closure();
    long needAttempts = ctx.profile.setting("closure.engagement_attempts.attempts").number;
    long needMethods = ctx.profile.setting("closure.engagement_attempts.methods").number;
    std::set<std::string> methods;
    for (const EngagementAttempt& a : cl->engagementAttempts)
        if (!a.method.empty()) methods.insert(a.method);
    long attempts = static_cast<long>(cl->engagementAttempts.size());
    std::vector<std::string> problems;
    if (attempts < needAttempts || static_cast<long>(methods.size()) < needMethods)
        problems.push_back(std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts") +
                           " to engage the family using " + std::to_string(methods.size()) +
                           (methods.size() == 1 ? " method are" : " methods are") +
                           " recorded; at least " + std::to_string(needAttempts) +
                           " attempts using " + std::to_string(needMethods) +
                           " different methods are needed");
    if (!cl->referrerInformed)
        problems.push_back("the date the referrer was informed is not recorded");
    if (problems.empty()) return O::held();
    std::string text = joinWords(problems);
    text[0] = static_cast<char>(std::toupper(text[0]));
    return O::failed(text + ".");
}

Outcome closureStepUpHandover(const RuleContext& ctx) {
    if (!ctx.closedFor({"stepped_up"})) return O::notApplied(closureReasonText(ctx));
    bool any = false;
    for (const Transfer& t : ctx.kase.transfers) {
        if (t.kind != "step_up") continue;
        any = true;
        if (t.handoverMeeting && (t.endingLetter || familyNotToBeTold(ctx, &t))) return O::held();
    }
    if (!any)
        return O::failed(
            "The case closed as stepped up but no step-up transfer is "
            "recorded.");
    const Transfer& t = *stepUpTransfer(ctx.kase);
    if (!t.familyInformed && !t.handoverMeeting)
        return O::failed("The step-up transfer does not record the handover meeting date.");
    if (!t.familyInformed)
        return O::failed(
            "The step-up transfer records no ending letter and says the family is not "
            "to be told, but does not record " +
            notInformedGap(ctx, t) + ".");
    return O::failed(
        "The step-up transfer does not record both the handover meeting date and "
        "the date of the ending letter to the family.");
}

Outcome scoresDistanceTravelled(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    std::vector<std::string> missing;
    if (!ctx.kase.assessment || ctx.kase.assessment->scores.empty())
        missing.push_back("baseline scores in the assessment");
    if (!ctx.closure() || ctx.closure()->finalScores.empty())
        missing.push_back("final scores at closure");
    if (missing.empty()) return O::held();
    return O::failed("Distance travelled cannot be shown: no " + joinWords(missing) +
                     (missing.size() == 1 ? " is" : " are") + " recorded.");
}

Outcome sfOutcomes(const RuleContext& ctx) {
    if (!ctx.kase.supportingFamilies) return O::notApplied("no supporting_families section");
    if (ctx.closure() && !goalsReason(ctx)) return O::notApplied(closureReasonText(ctx));
    const SupportingFamilies& sf = *ctx.kase.supportingFamilies;
    std::vector<std::string> missing;
    std::set<std::string> seen;
    for (const SfCriterion& c : sf.criteria) {
        if (!seen.insert(c.headline).second) continue;
        bool ok = std::any_of(sf.outcomes.begin(), sf.outcomes.end(), [&](const SfOutcome& o) {
            return o.headline == c.headline && o.status != "not_started";
        });
        if (!ok) missing.push_back(humanise(c.headline));
    }
    if (missing.empty()) return O::held();
    return O::failed("Supporting Families: no outcome in progress or achieved is recorded for " +
                     joinWords(missing) + ".");
}

// The entry for `member` in closure.children_not_seen or children_not_seen_alone, or nullptr.
const ChildNotSeen* listed(const std::vector<ChildNotSeen>& list, const Id& member) {
    for (const ChildNotSeen& c : list)
        if (c.member == member) return &c;
    return nullptr;
}

// The finding for children neither seen nor explained, and those listed without a reason.
Outcome childrenAccountedFor(const std::vector<std::string>& unseen,
                             const std::vector<std::string>& noReason, const std::string& what,
                             const std::string& listKey) {
    std::vector<std::string> problems;
    if (!unseen.empty())
        problems.push_back(joinWords(unseen) + (unseen.size() == 1 ? " has" : " have") +
                           " not been " + what + " and the closure does not say why (`" + listKey +
                           "`)");
    if (!noReason.empty())
        problems.push_back(joinWords(noReason) + (noReason.size() == 1 ? " is" : " are") +
                           " listed in `" + listKey + "` without a reason");
    if (problems.empty()) return O::held();
    std::string text = joinWords(problems);
    return O::failed(text + ".");
}

bool namedIn(const IdList& ids, const Id& member) {
    return std::find(ids.begin(), ids.end(), member) != ids.end();
}

Outcome childrenSeen(const RuleContext& ctx) {
    const Closure* cl = ctx.closure();
    std::vector<std::string> unseen, noReason;
    for (const Member& m : ctx.kase.family.members) {
        if (!m.isChild() || !m.hasConsent()) continue;
        bool seen =
            std::any_of(ctx.kase.contacts.begin(), ctx.kase.contacts.end(), [&](const Contact& k) {
                return k.kind != "attempted_contact" &&
                       (namedIn(k.childrenSeen, m.id) || namedIn(k.seenAlone, m.id));
            });
        if (seen) continue;
        const ChildNotSeen* why = cl ? listed(cl->childrenNotSeen, m.id) : nullptr;
        if (!why)
            unseen.push_back(memberName(ctx.kase, m.id));
        else if (!hasText(why->reason))
            noReason.push_back(memberName(ctx.kase, m.id));
    }
    return childrenAccountedFor(unseen, noReason, "seen", "children_not_seen");
}

Outcome childrenSeenAlone(const RuleContext& ctx) {
    if (ctx.disengagedEarly) return O::notApplied(disengagedEarlyReason(ctx));
    const Closure* cl = ctx.closure();
    std::vector<std::string> unseen, noReason;
    for (const Member& m : ctx.kase.family.members) {
        if (!m.isChild() || !m.hasConsent() || !m.dob) continue;
        bool alone = std::any_of(ctx.kase.contacts.begin(), ctx.kase.contacts.end(),
                                 [&](const Contact& k) { return namedIn(k.seenAlone, m.id); });
        if (alone || ageOn(*m.dob, ctx.asOf) < 5) continue;
        const ChildNotSeen* why = nullptr;
        if (cl) why = listed(cl->childrenNotSeenAlone, m.id);
        if (cl && !why) why = listed(cl->childrenNotSeen, m.id);
        if (!why)
            unseen.push_back(memberName(ctx.kase, m.id));
        else if (!hasText(why->reason))
            noReason.push_back(memberName(ctx.kase, m.id));
    }
    return childrenAccountedFor(unseen, noReason, "seen alone", "children_not_seen_alone");
}

Outcome closureSafeguardingDecision(const RuleContext& ctx) {
    if (!ctx.closedFor({"disengaged", "consent_withdrawn"}))
        return O::notApplied(closureReasonText(ctx));
    const auto& d = ctx.closure()->safeguardingDecision;
    if (!d)
        return O::failed(
            "The family " +
            std::string(ctx.closure()->reason == "disengaged" ? "disengaged" : "withdrew consent") +
            " but no manager's decision on a referral to Children's Social Care is recorded "
            "(`closure.safeguarding_decision`).");
    std::vector<std::string> missing;
    if (d->by.empty())
        missing.push_back("who made it (`by`)");
    else if (!ctx.isManager(d->by))
        missing.push_back("a manager's name (`by` " + d->by +
                          " is not in the profile's `managers`)");
    if (!d->date)
        missing.push_back("its date");
    else if (*d->date > ctx.checkDate)
        missing.push_back("a date on or before " + ctx.checkDate.uk() + " (it is dated " +
                          d->date->uk() + ")");
    if (!hasText(d->reasoning)) missing.push_back("the reasoning");
    if (!d->referred) missing.push_back("whether a referral was made (`referred`)");
    if (missing.empty()) return O::held();
    return O::failed("The safeguarding decision does not record " + joinWords(missing) + ".");
}

// One critical point the case has reached (000: 19.1): its name, when, and the date of the next
// TAF meeting (reviews only: the oversight must come before it).
struct CriticalPoint {
    std::string point, label;
    Date reached;
    std::optional<Date> before;
};

std::vector<CriticalPoint> criticalPoints(const Case& c) {
    std::vector<CriticalPoint> points;
    if (c.allocation && c.allocation->allocatedAt)
        points.push_back({"allocation", "allocation", c.allocation->allocatedAt->date(), {}});
    std::optional<Date> firstVisit;
    for (const Contact& k : c.contacts)
        if (isVisit(k) && (!firstVisit || k.at.date() < *firstVisit)) firstVisit = k.at.date();
    if (firstVisit)
        points.push_back({"after_introductory_visit", "the introductory visit", *firstVisit, {}});
    if (c.assessment && c.assessment->completed)
        points.push_back({"assessment", "the assessment", *c.assessment->completed, {}});
    for (const Plan& p : c.plans)
        if (p.version == 1) points.push_back({"initial_plan", "the initial plan", p.date, {}});
    std::vector<Date> tafs;
    for (const Meeting& m : c.meetings)
        if (m.isTaf()) tafs.push_back(m.at.date());
    std::sort(tafs.begin(), tafs.end());
    for (const Meeting& m : c.meetings) {
        if (m.kind != "review_taf") continue;
        Date on = m.at.date();
        auto next = std::upper_bound(tafs.begin(), tafs.end(), on);
        points.push_back({"review", "the review", on,
                          next == tafs.end() ? std::nullopt : std::optional<Date>(*next)});
    }
    for (const Transfer& t : c.transfers)
        points.push_back({"transfer", "the " + humanise(t.kind) + " transfer", t.decided, {}});
    return points;
}

Outcome supervisionOversightPoints(const RuleContext& ctx) {
    std::vector<std::string> missing;
    for (const CriticalPoint& p : criticalPoints(ctx.kase)) {
        bool overseen = std::any_of(
            ctx.kase.supervision.begin(), ctx.kase.supervision.end(), [&](const Supervision& s) {
                Date on = s.at.date();
                return s.point == p.point && on >= p.reached && (!p.before || on < *p.before);
            });
        if (!overseen)
            missing.push_back(
                p.label + " on " + p.reached.uk() + " (`" + p.point + "`" +
                (p.before ? ", before the next TAF meeting on " + p.before->uk() : std::string()) +
                ")");
    }
    if (missing.empty()) return O::held();
    return O::failed("No management oversight is recorded after " + joinWords(missing) + ".");
}

}  // namespace

const std::map<std::string, RuleFunction>& recordRuleFunctions() {
    static const std::map<std::string, RuleFunction> kRules = {
        {"consent.recorded", consentRecorded},
        {"allocation.recorded", allocationRecorded},
        {"lead_worker.recorded", leadWorkerRecorded},
        {"family.network", familyNetwork},
        {"assessment.completed", assessmentCompleted},
        {"assessment.shared", assessmentShared},
        {"assessment.child_views", assessmentChildViews},
        {"plan.recorded", planRecorded},
        {"plan.actions_resolved", planActionsResolved},
        {"contacts.recorded", contactsRecorded},
        {"contacts.finalised", contactsFinalised},
        {"meetings.initial", meetingsInitial},
        {"chronology.recorded", chronologyRecorded},
        {"correspondence.recorded", correspondenceRecorded},
        {"direct_work.recorded", directWorkRecorded},
        {"agency_referrals.completed", agencyReferralsCompleted},
        {"summary.case", summaryCase},
        {"summary.transfer", summaryTransfer},
        {"summary.closure", summaryClosure},
        {"supervision.recorded", supervisionRecorded},
        {"supervision.closure_oversight", supervisionClosureOversight},
        {"closure.reason", closureReason},
        {"closure.ending_meeting", closureEndingMeeting},
        {"closure.family_letter", closureFamilyLetter},
        {"closure.feedback", closureFeedback},
        {"closure.engagement_attempts", closureEngagementAttempts},
        {"closure.step_up_handover", closureStepUpHandover},
        {"scores.distance_travelled", scoresDistanceTravelled},
        {"sf.outcomes", sfOutcomes},
        {"children.seen", childrenSeen},
        {"children.seen_alone", childrenSeenAlone},
        {"closure.safeguarding_decision", closureSafeguardingDecision},
        {"supervision.oversight_points", supervisionOversightPoints},
    };
    return kRules;
}

}  // namespace ehdocs::rules
