#include "render/DocumentTypes.h"

#include <algorithm>

#include "render/ClosureReadinessView.h"
#include "render/SfEvidenceView.h"
#include "render/ViewModel.h"

namespace ehdocs::render {
namespace {

std::string always(const Case&) {
    return "";
}

bool anyMeeting(const Meeting& m, Date) {
    return m.isTaf();
}

// Invitations are for meetings still to come.
bool upcomingMeeting(const Meeting& m, Date producedOn) {
    return m.isTaf() && m.at.date() >= producedOn;
}

DocumentType record(std::string id, std::string title, std::string audience,
                    std::function<std::string(const Case&)> notApplicable,
                    std::function<void(const CaseView&, const Meeting*, View&)> build) {
    DocumentType t;
    t.templateName = id + ".mustache";
    t.id = std::move(id);
    t.title = std::move(title);
    t.audience = std::move(audience);
    t.notApplicable = std::move(notApplicable);
    t.buildView = std::move(build);
    return t;
}

DocumentType letter(std::string id, std::string title, std::string audience,
                    std::function<std::string(const Case&)> notApplicable,
                    std::function<void(const CaseView&, const Meeting*, View&)> build) {
    DocumentType t = record(std::move(id), std::move(title), std::move(audience),
                            std::move(notApplicable), std::move(build));
    t.familyFacing = true;
    return t;
}

DocumentType perMeeting(DocumentType t, std::function<bool(const Meeting&, Date)> forMeeting) {
    t.needsMeeting = true;
    t.forMeeting = std::move(forMeeting);
    return t;
}

}  // namespace

DocumentTypes DocumentTypes::builtIn() {
    DocumentTypes types;
    types.add(record(
        "eha", "Early Help Assessment", "family and professionals",
        [](const Case& c) { return c.assessment ? "" : "the case has no assessment"; }, ehaView));
    types.add(record(
        "plan", "Early Help Plan", "family",
        [](const Case& c) { return c.plans.empty() ? "the case has no plan" : ""; }, planView));
    types.add(perMeeting(record("taf_minutes", "Team Around the Family meeting minutes",
                                "family and TAF", always, tafMinutesView),
                         anyMeeting));
    types.add(record("chronology", "Chronology of significant events", "professionals", always,
                     chronologyView));
    types.add(record(
        "case_notes", "Case note record", "professionals",
        [](const Case& c) { return c.contacts.empty() ? "the case has no contacts" : ""; },
        caseNotesView));
    types.add(record("case_summary", "Case summary", "professionals", always, caseSummaryView));
    types.add(record(
        "transfer_summary", "Transfer summary", "receiving service",
        [](const Case& c) { return c.transfers.empty() ? "the case has no transfer" : ""; },
        transferSummaryView));
    types.add(record(
        "closure_summary", "Closure summary", "professionals",
        [](const Case& c) { return c.closure ? "" : "the case has no closure"; },
        closureSummaryView));
    DocumentType readiness =
        record("closure_readiness", "Closure readiness and timeliness", "team leader",
               closureReadinessNotApplicable, closureReadinessView);
    readiness.needsReadiness = true;
    types.add(std::move(readiness));
    types.add(record("sf_evidence", "Supporting Families evidence", "programme coordinator",
                     sfEvidenceNotApplicable, sfEvidenceView));
    types.add(letter(
        "ending_letter", "Ending letter", "family",
        [](const Case& c) -> std::string {
            const Transfer* t = latestTransfer(c, true);
            if (!t)
                return "the case has no step up, step down to universal services or change of "
                       "lead";
            // 000: 14.2: telling the family may put a child at further risk; a manager decides.
            if (!t->familyInformed)
                return "the transfer records that the family is not to be told "
                       "(family_informed: false), so no ending letter is sent";
            return "";
        },
        endingLetterView));
    types.add(letter(
        "closure_letter", "Closure letter", "family",
        [](const Case& c) -> std::string {
            if (!c.closure) return "the case has no closure";
            if (c.closure->reason == "disengaged")
                return "the family did not engage: send no_contact_letter instead";
            if (c.closure->reason == "stepped_up")
                return "the case was stepped up to Children's Social Care: the family gets an "
                       "ending_letter, not a closure letter";
            return "";
        },
        closureLetterView));
    types.add(letter(
        "no_contact_letter", "Letter when we cannot reach the family", "family",
        [](const Case& c) -> std::string {
            if (c.closure && c.closure->reason == "disengaged") return "";
            bool attempted = false, reached = false;
            for (const Contact& k : c.contacts)
                (k.kind == "attempted_contact" ? attempted : reached) = true;
            return attempted && !reached
                       ? ""
                       : "the family has been reached (or no attempt is recorded)";
        },
        noContactLetterView));
    types.add(letter(
        "support_call_letter", "Letter after missed support calls", "family",
        [](const Case& c) -> std::string {
            bool calls = std::any_of(c.contacts.begin(), c.contacts.end(),
                                     [](const Contact& k) { return k.kind == "support_call"; });
            return calls ? "" : "the case has no support calls";
        },
        supportCallLetterView));
    DocumentType referrer = letter(
        "referrer_outcome", "Outcome letter to the referrer", "referrer",
        [](const Case& c) {
            return c.referral.referrer.name.empty() && c.referral.referrer.agency.empty()
                       ? "the referral names no referrer"
                       : "";
        },
        referrerOutcomeView);
    referrer.familyFacing = false;  // about the family, to a professional: a record
    types.add(referrer);
    types.add(perMeeting(letter("taf_invitation", "Invitation to a Team Around the Family meeting",
                                "family", always, tafInvitationView),
                         upcomingMeeting));
    types.add(letter(
        "introduction_letter", "Introduction letter", "family",
        [](const Case& c) -> std::string {
            if (c.leadWorker.empty()) return "the case has no lead worker";
            if (c.status == "closed" || c.closure)
                return "the work with the family has ended: an introduction letter is for the "
                       "start";
            return "";
        },
        introductionLetterView));
    return types;
}

void DocumentTypes::add(DocumentType type) {
    for (DocumentType& t : _types)
        if (t.id == type.id) {
            t = std::move(type);
            return;
        }
    _types.push_back(std::move(type));
}

const DocumentType* DocumentTypes::find(const std::string& id) const {
    for (const DocumentType& t : _types)
        if (t.id == id) return &t;
    return nullptr;
}

}  // namespace ehdocs::render
