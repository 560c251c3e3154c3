#include "export/KpiReport.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "case/Vocabulary.h"

namespace ehdocs {
namespace {

const std::set<std::string> kVisitKinds = {"initial_home_visit", "home_visit",      "school_visit",
                                           "office_visit",       "community_visit", "joint_visit"};

std::string lower(std::string text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::optional<double> mean(const std::vector<Score>& scores) {
    if (scores.empty()) return std::nullopt;
    double sum = 0;
    for (const auto& s : scores) sum += s.score;
    return sum / static_cast<double>(scores.size());
}

std::string ageBand(const KpiReport::Child& child, Date on) {
    if (child.kind == "unborn") return "unborn";
    if (!child.dob) return "not recorded";
    const int age = ageOn(*child.dob, on);
    if (age < 5) return "0-4";
    if (age < 11) return "5-10";
    if (age < 16) return "11-15";
    if (age < 18) return "16-17";
    return "18 and over";
}

std::string orNotRecorded(const std::string& value) {
    return value.empty() ? "not recorded" : value;
}

KpiRow row(const char* section, const std::string& question, const std::string& measure) {
    KpiRow r;
    r.section = section;
    r.question = question;
    r.measure = measure;
    return r;
}

KpiRow unanswerable(const char* section, const std::string& question, const std::string& why) {
    KpiRow r = row(section, question, "");
    r.answerable = false;
    r.note = why;
    return r;
}

// The standards one row applied, by the profiles they came from: one standard reads as it is;
// several say the row mixes profiles, each with its profiles.
class RowStandards {
public:
    void add(const std::string& text, const std::string& profile) {
        _byText[text].insert(profile.empty() ? "default" : profile);
    }
    std::string text() const {
        if (_byText.size() == 1) return _byText.begin()->first;
        std::string out = _byText.empty() ? "" : "mixed profiles: ";
        bool first = true;
        for (const auto& [text, profiles] : _byText) {
            out += (first ? "" : "; ") + text + " (";
            first = false;
            for (const auto& p : profiles) out += (p == *profiles.begin() ? "" : ", ") + p;
            out += ")";
        }
        return out;
    }

private:
    std::map<std::string, std::set<std::string>> _byText;
};

std::optional<rules::Limit> limitIfOn(const rules::Profile& p, const char* rule, const char* key) {
    if (p.severity(rule) == rules::Severity::Off) return std::nullopt;
    return p.limit(key);
}

}  // namespace

KpiStandards standardsOf(const rules::Profile& p) {
    KpiStandards s;
    s.profile = p.id;
    s.allocation = limitIfOn(p, "time.allocation", "time.allocation.limit");
    s.firstVisit = limitIfOn(p, "time.first_visit", "time.first_visit.limit");
    s.assessment = limitIfOn(p, "time.assessment", "time.assessment.limit");
    s.assessmentFromReferral = p.setting("time.assessment.from").choice == "referral";
    s.initialMeeting = p.severity("time.initial_meeting") != rules::Severity::Off;
    s.meetingAfterAssessment = p.limit("time.initial_meeting.after_assessment");
    s.meetingAfterReferral = p.limit("time.initial_meeting.from_referral");
    s.meetingAfterAllocation = p.limit("time.initial_meeting.from_allocation");
    s.visitInterval = limitIfOn(p, "time.visit_interval", "time.visit_interval.limit");
    s.duration = limitIfOn(p, "time.duration", "time.duration.limit");
    s.reviewInterval = limitIfOn(p, "time.review_interval", "time.review_interval.limit");
    s.supervision = limitIfOn(p, "time.supervision_interval", "time.supervision_interval.limit");
    return s;
}

KpiReport::StandardsFor profileStandards(const rules::ProfileRegistry& profiles) {
    return [&profiles](const Case& kase) {
        const rules::Profile* profile = profiles.find(
            kase.profile.empty() ? rules::ProfileRegistry::kDefaultProfile : kase.profile);
        if (profile == nullptr) profile = &profiles.get(rules::ProfileRegistry::kDefaultProfile);
        return standardsOf(*profile);
    };
}

namespace {

// What a rate row counts: cases in it, cases meeting the standard, and the standards applied.
struct Rate {
    int n = 0, met = 0;
    RowStandards standards;
};

// Children by dimension and value, in one group (requests, open episodes).
struct ChildTally {
    std::map<std::string, std::map<std::string, int>> counts;
    int total = 0;
    void add(const KpiReport::Child& c, Date on) {
        ++total;
        ++counts["Age band"][ageBand(c, on)];
        ++counts["Ethnicity"][orNotRecorded(c.ethnicity)];
        ++counts["Gender"][orNotRecorded(c.gender)];
    }
};

}  // namespace

struct KpiReport::Tally {
    std::size_t cases = 0;

    // Requests received in the period.
    int received = 0;
    std::map<std::string, int> sources, decisions, reasons;
    // Re-referrals, matched in rows() since a request may be read before or after the episode
    // it repeats: the requests in the period not repeats by their route (with their children's
    // keys), and the closed episodes a request in the period may repeat, by child.
    struct Request {
        std::size_t serial;
        Date received;
        std::vector<std::string> keys;
    };
    int repeatsByRoute = 0;
    std::vector<Request> requests;
    std::map<std::string, std::vector<std::pair<Date, std::size_t>>> closedByChild;

    Rate allocation, firstVisit, assessment, initialMeeting, visited, reviewed, supervised;
    int notYetVisited = 0, assessmentOverdue = 0;
    int closedN = 0, closedInTime = 0, openN = 0, openOver = 0;
    RowStandards duration;
    int tafs = 0, multiAgency = 0;
    int opened = 0, closed = 0, open = 0, partner = 0;
    std::map<std::string, int> byWorker;  // open on the last day
    int openChildren = 0;
    int outcomesN = 0, improved = 0;
    double change = 0;
    int discussed = 0, gaps = 0;
    double gapDays = 0;
    std::vector<KpiMonth> months;
    ChildTally requested, openOnLastDay;
};

KpiReport::KpiReport(KpiPeriod period, KpiStandards standards, std::string team,
                     StandardsFor standardsFor)
    : _period(period),
      _standards(standards),
      _team(std::move(team)),
      _standardsFor(std::move(standardsFor)),
      _tally(std::make_unique<Tally>()) {
    for (Date m = Date::fromYmd(_period.from.year(), _period.from.month(), 1); m <= _period.to;
         m = m.plusMonths(1))
        _tally->months.push_back({m, 0, 0, 0});
}

KpiReport::~KpiReport() = default;
KpiReport::KpiReport(KpiReport&&) noexcept = default;
KpiReport& KpiReport::operator=(KpiReport&&) noexcept = default;

std::size_t KpiReport::casesRead() const {
    return _tally->cases;
}

void KpiReport::add(const Case& kase) {
    if (!inTeam(kase, _team)) return;
    count(factsOf(kase));
}

KpiReport::Facts KpiReport::factsOf(const Case& kase) {
    Facts f;
    f.caseId = kase.caseId;
    f.received = kase.referral.received;
    f.source = kase.referral.source;
    f.route = kase.referral.route;
    f.reasons = kase.referral.reasons;
    if (kase.referral.decision) f.outcome = kase.referral.decision->outcome;
    const Id leadId = !kase.leadWorker.empty() ? kase.leadWorker
                      : kase.allocation        ? kase.allocation->worker
                                               : Id();
    if (const Worker* lead = kase.worker(leadId)) {
        f.leadWorker = lead->name;
        f.leadRole = lead->role;
    }
    if (kase.allocation && kase.allocation->allocatedAt)
        f.allocatedAt = kase.allocation->allocatedAt;
    if (_standardsFor) {
        KpiStandards own = _standardsFor(kase);
        f.standards = &_byProfile.emplace(own.profile, std::move(own)).first->second;
    } else {
        f.standards = &_standards;
    }
    for (const auto& c : kase.contacts)
        if (kVisitKinds.count(c.kind) && !c.with.empty()) f.visits.push_back(c.at.date());
    std::sort(f.visits.begin(), f.visits.end());
    for (const auto& s : kase.supervision) f.supervision.push_back(s.at.date());
    std::sort(f.supervision.begin(), f.supervision.end());
    if (kase.assessment) f.assessmentCompleted = kase.assessment->completed;
    const std::string ownService = lower(kase.service.name);
    for (const auto& m : kase.meetings) {
        if (m.kind == "nam") f.nam.push_back(m.at.date());
        if (!m.isTaf()) continue;
        Taf taf{m.at.date(), m.kind, false};
        for (const auto& a : m.attendees) {
            if (!a.attended || !a.member.empty()) continue;
            std::string agency = a.agency;
            if (agency.empty())
                if (const Worker* w = kase.worker(a.worker)) agency = w->agency;
            if (!lower(agency).empty() && lower(agency) != ownService) taf.multiAgency = true;
        }
        f.tafs.push_back(taf);
    }
    std::sort(f.tafs.begin(), f.tafs.end(),
              [](const Taf& a, const Taf& b) { return a.date < b.date; });
    std::sort(f.nam.begin(), f.nam.end());
    if (kase.closure) {
        f.closed = kase.closure->date;
        f.finalMean = mean(kase.closure->finalScores);
    }
    if (kase.assessment) f.baselineMean = mean(kase.assessment->scores);
    for (const auto& m : kase.family.members) {
        if (m.kind != "child" && m.kind != "unborn") continue;
        Child c{m.kind, m.gender, m.ethnicity, "", m.dob};
        if (m.dob) c.key = lower(m.firstName) + "|" + lower(m.lastName) + "|" + m.dob->iso();
        f.children.push_back(c);
    }
    return f;
}

bool KpiReport::openOn(const Facts& f, Date day) const {
    return f.allocatedAt && f.allocatedAt->date() <= day && !(f.closed && *f.closed <= day);
}

// One case into every row, sheet by sheet, in the order rows() reads them.
void KpiReport::count(const Facts& f) {
    Tally& t = *_tally;
    const std::size_t serial = t.cases++;
    const Date to = _period.to;
    const bool openAtEnd = openOn(f, to);

    // Requests.
    if (_period.contains(f.received.date())) {
        ++t.received;
        ++t.sources[f.source.empty() ? "not recorded" : f.source];
        ++t.decisions[f.outcome.empty() ? "not recorded" : f.outcome];
        if (f.reasons.empty()) ++t.reasons["not recorded"];
        for (const auto& r : f.reasons) ++t.reasons[r.empty() ? "not recorded" : r];
        for (const auto& c : f.children) t.requested.add(c, f.received.date());
        if (f.route == "re_referral") {
            ++t.repeatsByRoute;
        } else {
            Tally::Request request{serial, f.received.date(), {}};
            for (const auto& c : f.children)
                if (!c.key.empty()) request.keys.push_back(c.key);
            if (!request.keys.empty()) t.requests.push_back(std::move(request));
        }
    }
    // An episode closed from the window's start (a request on the period's first day looks
    // back repeatMonths) to the period's end may be one a request repeats.
    if (f.closed && _period.from.plusMonths(-_standards.repeatMonths) <= *f.closed &&
        *f.closed <= to)
        for (const auto& c : f.children)
            if (!c.key.empty()) t.closedByChild[c.key].emplace_back(*f.closed, serial);

    // Timeliness: each case by its own profile's standards (a case whose profile turns the
    // rule off is not counted in that row).
    const KpiStandards& s = *f.standards;
    if (s.allocation && f.allocatedAt && _period.contains(f.allocatedAt->date())) {
        ++t.allocation.n;
        t.allocation.met += s.allocation->met(f.received, *f.allocatedAt);
        t.allocation.standards.add("within " + s.allocation->text() + " of the referral",
                                   s.profile);
    }
    if (s.firstVisit && f.allocatedAt) {
        const Date allocated = f.allocatedAt->date();
        t.firstVisit.standards.add("within " + s.firstVisit->text() + " of allocation", s.profile);
        if (!f.visits.empty() && _period.contains(f.visits.front())) {
            ++t.firstVisit.n;
            t.firstVisit.met += s.firstVisit->met(allocated, f.visits.front());
        }
        const bool unseen = f.visits.empty() || f.visits.front() > to;
        if (openAtEnd && unseen && s.firstVisit->deadlineDate(allocated) < to) ++t.notYetVisited;
    }
    if (s.assessment && (s.assessmentFromReferral || f.allocatedAt)) {
        const bool fromReferral = s.assessmentFromReferral;
        const Date from = fromReferral ? f.received.date() : f.allocatedAt->date();
        t.assessment.standards.add(
            "within " + s.assessment->text() + " of " + (fromReferral ? "referral" : "allocation"),
            s.profile);
        if (f.assessmentCompleted && _period.contains(*f.assessmentCompleted)) {
            ++t.assessment.n;
            t.assessment.met += s.assessment->met(from, *f.assessmentCompleted);
        }
        const bool done = f.assessmentCompleted && *f.assessmentCompleted <= to;
        if (openAtEnd && !done && f.route != "step_down" && s.assessment->deadlineDate(from) < to)
            ++t.assessmentOverdue;
    }
    if (s.initialMeeting) {
        const auto first = std::find_if(f.tafs.begin(), f.tafs.end(),
                                        [](const Taf& m) { return m.kind == "initial_taf"; });
        std::vector<std::string> parts;
        if (s.meetingAfterAssessment)
            parts.push_back(s.meetingAfterAssessment->text() + " of the assessment");
        if (s.meetingAfterReferral)
            parts.push_back(s.meetingAfterReferral->text() + " of referral");
        if (s.meetingAfterAllocation)
            parts.push_back(s.meetingAfterAllocation->text() + " of allocation");
        std::string text = "within ";
        for (size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : " and ") + parts[i];
        t.initialMeeting.standards.add(text, s.profile);
        if (first != f.tafs.end() && _period.contains(first->date)) {
            ++t.initialMeeting.n;
            bool ok = true;
            if (s.meetingAfterReferral)
                ok = ok && s.meetingAfterReferral->met(f.received.date(), first->date);
            if (s.meetingAfterAssessment && f.assessmentCompleted)
                ok = ok && s.meetingAfterAssessment->met(*f.assessmentCompleted, first->date);
            if (s.meetingAfterAllocation && f.allocatedAt)
                ok = ok && s.meetingAfterAllocation->met(f.allocatedAt->date(), first->date);
            t.initialMeeting.met += ok;
        }
    }
    if (s.visitInterval && openAtEnd &&
        s.visitInterval->deadlineDate(f.allocatedAt->date()) <= to) {
        ++t.visited.n;
        t.visited.standards.add("at least every " + s.visitInterval->text(), s.profile);
        std::optional<Date> last;
        for (Date v : f.visits)
            if (v <= to) last = v;
        t.visited.met += last && s.visitInterval->met(*last, to);
    }
    if (f.allocatedAt && s.duration) {
        const Date limit = s.duration->deadlineDate(f.allocatedAt->date());
        bool counted = false;
        if (f.closed && _period.contains(*f.closed)) {
            ++t.closedN;
            t.closedInTime += *f.closed <= limit;
            counted = true;
        }
        if (openAtEnd) {
            ++t.openN;
            t.openOver += to > limit;
            counted = true;
        }
        if (counted) t.duration.add("at most " + s.duration->text(), s.profile);
    }
    if (s.reviewInterval && openAtEnd) {
        std::optional<Date> initial, last;
        for (const auto& m : f.tafs) {
            if (m.date > to) continue;
            if (m.kind == "initial_taf" && !initial) initial = m.date;
            if (initial) last = m.date;
        }
        if (initial) {
            ++t.reviewed.n;
            t.reviewed.standards.add("at least every " + s.reviewInterval->text(), s.profile);
            t.reviewed.met += s.reviewInterval->met(*last, to);
        }
    }
    for (const auto& m : f.tafs)
        if (_period.contains(m.date)) {
            ++t.tafs;
            t.multiAgency += m.multiAgency;
        }

    // Throughput, caseloads and demography.
    t.opened += f.allocatedAt && _period.contains(f.allocatedAt->date());
    t.closed += f.closed && _period.contains(*f.closed) && f.allocatedAt;
    if (openAtEnd) {
        ++t.open;
        t.partner += f.leadRole == "partner";
        ++t.byWorker[orNotRecorded(f.leadWorker)];
        t.openChildren += static_cast<int>(f.children.size());
        for (const auto& c : f.children) t.openOnLastDay.add(c, to);
    }
    if (f.allocatedAt) {
        const Date start = f.allocatedAt->date();
        for (KpiMonth& month : t.months) {
            const Date first = std::max(month.month, _period.from);
            const Date last = std::min(month.month.plusMonths(1).plusDays(-1), _period.to);
            month.opened += first <= start && start <= last;
            month.closed += f.closed && first <= *f.closed && *f.closed <= last;
            month.openAtEnd += openOn(f, last);
        }
    }

    // Oversight and outcomes.
    if (s.supervision && openAtEnd && s.supervision->deadlineDate(f.allocatedAt->date()) <= to) {
        ++t.supervised.n;
        t.supervised.standards.add("a supervision record at least every " + s.supervision->text(),
                                   s.profile);
        t.supervised.met += std::any_of(f.supervision.begin(), f.supervision.end(), [&](Date d) {
            return d <= to && s.supervision->met(d, to);
        });
    }
    if (f.closed && _period.contains(*f.closed) && f.baselineMean && f.finalMean) {
        ++t.outcomesN;
        t.improved += *f.finalMean > *f.baselineMean;
        t.change += *f.finalMean - *f.baselineMean;
    }
    if (std::any_of(f.nam.begin(), f.nam.end(), [&](Date d) { return _period.contains(d); })) {
        ++t.discussed;
        ++t.gaps;
        t.gapDays += static_cast<double>(daysBetween(f.received.date(), f.nam.front()));
    }
}

std::vector<KpiRow> KpiReport::rows() const {
    const Tally& t = *_tally;
    std::vector<KpiRow> out;
    const double received = t.received;
    {
        KpiRow r = row("Requests", "How many requests were received requiring Early Help?",
                       "Requests received");
        r.numerator = received;
        r.note = "referral.received in the period";
        out.push_back(r);
    }
    const auto breakdown = [&](const char* question, const char* label,
                               const std::vector<std::string>& values,
                               const std::map<std::string, int>& counts) {
        std::vector<std::string> all = values;
        all.push_back("not recorded");
        for (const auto& [v, n] : counts)
            if (std::find(all.begin(), all.end(), v) == all.end()) all.push_back(v);
        for (const auto& v : all) {
            KpiRow r = row("Requests", question, std::string(label) + ": " + v);
            const auto found = counts.find(v);
            r.numerator = found == counts.end() ? 0 : found->second;
            r.denominator = received;
            out.push_back(r);
        }
    };
    breakdown("Who is making the request? (source, by agency or family)", "Source",
              vocabulary::referralSource, t.sources);
    breakdown("What was the decision about the request?", "Decision", vocabulary::decisionOutcome,
              t.decisions);
    breakdown("Reason for request for Early Help services? (a request may give several)", "Reason",
              vocabulary::referralReason, t.reasons);
    {
        int repeats = t.repeatsByRoute;
        for (const Tally::Request& request : t.requests) {
            const Date start = request.received.plusMonths(-_standards.repeatMonths);
            bool repeat = false;
            for (const auto& key : request.keys) {
                const auto found = t.closedByChild.find(key);
                if (found == t.closedByChild.end()) continue;
                for (const auto& [closed, serial] : found->second)
                    if (serial != request.serial && start <= closed && closed <= request.received)
                        repeat = true;
            }
            repeats += repeat;
        }
        KpiRow r = row("Requests",
                       "Has the family been known to the service in the last 12 months? "
                       "(re-referrals)",
                       "Repeat requests");
        r.numerator = repeats;
        r.denominator = received;
        r.note =
            "route re_referral, or a child (same first name, last name and date of birth) "
            "in another exported episode closed in the " +
            std::to_string(_standards.repeatMonths) + " months before the request";
        out.push_back(r);
    }

    const auto rate = [&](const Rate& counted, const std::string& question,
                          const std::string& measure, const std::string& note) {
        KpiRow r = row("Timeliness", question, measure);
        r.numerator = counted.met;
        r.denominator = counted.n;
        r.standard = counted.standards.text();
        r.note = note;
        out.push_back(r);
        return r.standard;
    };
    rate(t.allocation, "How timely is the initial response to requests?",
         "Allocations in the period made within the profile's time",
         "referral.received to allocation.allocated_at, episodes allocated in the period");
    {
        const std::string standard =
            rate(t.firstVisit, "Time taken for families to be seen (introductory visit)",
                 "First visits in the period made within the standard",
                 "allocation date to the first visit's date, first visits made in the period");
        KpiRow w = row("Timeliness", "Time taken for families to be seen (introductory visit)",
                       "Open episodes not yet visited and past the standard on the last day");
        w.numerator = t.notYetVisited;
        w.standard = standard;
        out.push_back(w);
    }
    {
        const std::string standard =
            rate(t.assessment, "Time taken to complete the Early Help assessment",
                 "Assessments completed in the period within the standard",
                 "referral (or allocation, as the profile says) to assessment.completed");
        KpiRow o = row("Timeliness", "Time taken to complete the Early Help assessment",
                       "Open episodes without a completed assessment past the standard");
        o.numerator = t.assessmentOverdue;
        o.standard = standard;
        o.note = "step-down referrals are not counted (no new assessment)";
        out.push_back(o);
    }
    rate(t.initialMeeting, "Time taken to hold the initial planning (TAF) meeting",
         "Initial TAF meetings held in the period within the standard",
         "the first initial_taf meeting; the assessment test applies when it is completed");
    rate(t.visited, "Are the children being visited regularly?",
         "Open episodes whose last visit is within the standard of the last day",
         "episodes open on the last day and allocated at least the standard before it");
    {
        KpiRow r = row("Timeliness", "Length of time the service works with the family",
                       "Episodes closed in the period within the standard");
        r.numerator = t.closedInTime;
        r.denominator = t.closedN;
        r.standard = t.duration.text();
        r.note = "allocation date to closure.date (calendar months)";
        out.push_back(r);
        KpiRow o = row("Timeliness", "Length of time the service works with the family",
                       "Open episodes already open longer than the standard");
        o.numerator = t.openOver;
        o.denominator = t.openN;
        o.standard = r.standard;
        out.push_back(o);
    }
    rate(t.reviewed, "Has the Early Help plan been reviewed regularly?",
         "Open episodes whose last TAF meeting is within the standard of the last day",
         "episodes open on the last day that have had their initial TAF meeting");
    {
        KpiRow r = row("Timeliness", "Is there multi-agency involvement in review meetings?",
                       "TAF meetings in the period attended by another agency");
        r.numerator = t.multiAgency;
        r.denominator = t.tafs;
        r.note =
            "an attendee marked attended, not a family member, whose agency (or their "
            "worker's) is not the case's own service";
        out.push_back(r);
    }

    // Throughput and caseloads.
    {
        KpiRow a = row("Throughput", "What is the throughput of cases?",
                       "Episodes opened (allocated) in the period");
        a.numerator = t.opened;
        a.note = "month by month on the Throughput sheet";
        out.push_back(a);
        KpiRow b =
            row("Throughput", "What is the throughput of cases?", "Episodes closed in the period");
        b.numerator = t.closed;
        out.push_back(b);
        KpiRow c =
            row("Throughput", "What is the throughput of cases?", "Episodes open on the last day");
        c.numerator = t.open;
        out.push_back(c);
        KpiRow d = row("Caseloads", "Who is the family's allocated practitioner?",
                       "Open episodes per lead worker on the last day (average)");
        d.numerator = t.open;
        d.denominator = static_cast<double>(t.byWorker.size());
        d.note =
            "numerator: open episodes, denominator: lead workers; per worker on the "
            "Caseloads sheet";
        out.push_back(d);
        KpiRow p = row("Caseloads", "Families supported by a partner lead professional via TAF",
                       "Open episodes whose lead worker's role is partner");
        p.numerator = t.partner;
        p.denominator = t.open;
        out.push_back(p);
    }
    {
        KpiRow r = row("Demography", "What is the demography of open cases?",
                       "Children and unborn in episodes open on the last day");
        r.numerator = t.openChildren;
        r.note = "by age band, ethnicity and gender on the Demography sheet";
        out.push_back(r);
        out.push_back(unanswerable("Demography",
                                   "Open cases compared to CSC data and the local population",
                                   "needs CSC and population figures, which are not in case "
                                   "files"));
    }

    // Oversight and outcomes.
    {
        KpiRow r = row("Oversight", "Is there regular management oversight?",
                       "Open episodes with a supervision record within the standard");
        r.numerator = t.supervised.met;
        r.denominator = t.supervised.n;
        r.standard = t.supervised.standards.text();
        r.note = "episodes open on the last day and allocated at least the standard before it";
        out.push_back(r);
    }
    {
        KpiRow r = row("Outcomes", "Did the intervention improve outcomes?",
                       "Episodes closed in the period whose scores rose from assessment to "
                       "closure");
        r.numerator = t.improved;
        r.denominator = t.outcomesN;
        r.note =
            "mean of closure.final_scores above the mean of assessment.scores "
            "(wellbeing scale or Outcome Star)";
        if (t.outcomesN > 0) {
            char average[32];
            std::snprintf(average, sizeof average, "%+.1f", t.change / t.outcomesN);
            r.note += "; average change " + std::string(average);
        }
        out.push_back(r);
    }
    {
        KpiRow r = row("NAM", "Number of families discussed at NAM",
                       "Families with a NAM meeting in the period");
        r.numerator = t.discussed;
        out.push_back(r);
        KpiRow g = row("NAM", "Length of time between referral and NAM meeting",
                       "Average days from referral to the first NAM meeting");
        if (t.gaps > 0) {
            g.numerator = t.gapDays;
            g.denominator = static_cast<double>(t.gaps);
        }
        g.note =
            "numerator: total days, denominator: families; the percentage column is not "
            "meaningful here";
        out.push_back(g);
        out.push_back(unanswerable("NAM", "Outcome of NAM (NFA, Early Help service identified)",
                                   "the case format records no NAM outcome"));
    }
    out.push_back(unanswerable("Audit",
                               "Do children and families receive a copy of the assessment and "
                               "plan?",
                               "an audit question (service user and partner feedback)"));
    out.push_back(unanswerable("Audit",
                               "Are children and families satisfied with the service they "
                               "received?",
                               "an audit question (service user and partner feedback)"));
    return out;
}

std::vector<KpiMonth> KpiReport::months() const {
    return _tally->months;
}

std::vector<KpiCount> KpiReport::caseloads() const {
    std::vector<KpiCount> out;
    for (const auto& [worker, n] : _tally->byWorker)
        out.push_back(
            {"Open episodes on " + _period.to.iso(), "Lead worker", worker, n, _tally->open});
    std::stable_sort(out.begin(), out.end(),
                     [](const KpiCount& a, const KpiCount& b) { return a.count > b.count; });
    return out;
}

std::vector<KpiCount> KpiReport::demography() const {
    std::vector<KpiCount> out;
    const auto tally = [&](const std::string& group, const ChildTally& children) {
        for (const char* dimension : {"Age band", "Ethnicity", "Gender"}) {
            const auto found = children.counts.find(dimension);
            if (found == children.counts.end()) continue;
            for (const auto& [value, n] : found->second)
                out.push_back({group, dimension, value, n, children.total});
        }
    };
    tally("Requests received in the period", _tally->requested);
    tally("Open episodes on " + _period.to.iso(), _tally->openOnLastDay);
    return out;
}

}  // namespace ehdocs
