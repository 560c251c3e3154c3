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

KpiReport::KpiReport(KpiPeriod period, KpiStandards standards, std::string team,
                     StandardsFor standardsFor)
    : _period(period),
      _standards(standards),
      _team(std::move(team)),
      _standardsFor(std::move(standardsFor)) {}

void KpiReport::add(const Case& kase) {
    if (!inTeam(kase, _team)) return;
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
    _facts.push_back(std::move(f));
}

bool KpiReport::openOn(const Facts& f, Date day) const {
    return f.allocatedAt && f.allocatedAt->date() <= day && !(f.closed && *f.closed <= day);
}

std::vector<KpiRow> KpiReport::rows() const {
    const KpiStandards& s = _standards;  // the re-referral window
    const Date to = _period.to;
    std::vector<KpiRow> out;

    // Requests received in the period.
    std::vector<const Facts*> requests;
    for (const auto& f : _facts)
        if (_period.contains(f.received.date())) requests.push_back(&f);
    const double received = static_cast<double>(requests.size());
    {
        KpiRow r = row("Requests", "How many requests were received requiring Early Help?",
                       "Requests received");
        r.numerator = received;
        r.note = "referral.received in the period";
        out.push_back(r);
    }
    const auto breakdown = [&](const char* question, const char* label,
                               const std::vector<std::string>& values, auto field) {
        std::map<std::string, int> counts;
        for (const Facts* f : requests)
            for (const auto& v : field(*f)) ++counts[v.empty() ? "not recorded" : v];
        std::vector<std::string> all = values;
        all.push_back("not recorded");
        for (const auto& [v, n] : counts)
            if (std::find(all.begin(), all.end(), v) == all.end()) all.push_back(v);
        for (const auto& v : all) {
            KpiRow r = row("Requests", question, std::string(label) + ": " + v);
            r.numerator = counts[v];
            r.denominator = received;
            out.push_back(r);
        }
    };
    breakdown("Who is making the request? (source, by agency or family)", "Source",
              vocabulary::referralSource,
              [](const Facts& f) { return std::vector<std::string>{f.source}; });
    breakdown("What was the decision about the request?", "Decision", vocabulary::decisionOutcome,
              [](const Facts& f) { return std::vector<std::string>{f.outcome}; });
    breakdown("Reason for request for Early Help services? (a request may give several)", "Reason",
              vocabulary::referralReason, [](const Facts& f) {
                  return f.reasons.empty() ? std::vector<std::string>{""} : f.reasons;
              });
    {
        // Closed episodes by child, so each request looks up only its own children.
        std::map<std::string, std::vector<const Facts*>> closedByChild;
        for (const auto& f : _facts)
            if (f.closed)
                for (const auto& c : f.children)
                    if (!c.key.empty()) closedByChild[c.key].push_back(&f);
        int repeats = 0;
        for (const Facts* f : requests) {
            bool repeat = f->route == "re_referral";
            const Date received = f->received.date();
            const Date start = received.plusMonths(-s.repeatMonths);
            for (const auto& child : f->children) {
                if (repeat || child.key.empty()) continue;
                const auto found = closedByChild.find(child.key);
                if (found == closedByChild.end()) continue;
                for (const Facts* other : found->second)
                    if (other != f && start <= *other->closed && *other->closed <= received)
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
            std::to_string(s.repeatMonths) + " months before the request";
        out.push_back(r);
    }

    // Timeliness: each case by its own profile's standards (a case whose profile turns the
    // rule off is not counted in that row).
    {
        int n = 0, inTime = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->allocation;
            if (!limit || !f.allocatedAt || !_period.contains(f.allocatedAt->date())) continue;
            ++n;
            inTime += limit->met(f.received, *f.allocatedAt);
            standards.add("within " + limit->text() + " of the referral", f.standards->profile);
        }
        KpiRow r = row("Timeliness", "How timely is the initial response to requests?",
                       "Allocations in the period made within the profile's time");
        r.numerator = inTime;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "referral.received to allocation.allocated_at, episodes allocated in the period";
        out.push_back(r);
    }
    {
        int n = 0, inTime = 0, waiting = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->firstVisit;
            if (!limit || !f.allocatedAt) continue;
            const Date allocated = f.allocatedAt->date();
            standards.add("within " + limit->text() + " of allocation", f.standards->profile);
            if (!f.visits.empty() && _period.contains(f.visits.front())) {
                ++n;
                inTime += limit->met(allocated, f.visits.front());
            }
            const bool unseen = f.visits.empty() || f.visits.front() > to;
            if (openOn(f, to) && unseen && limit->deadlineDate(allocated) < to) ++waiting;
        }
        KpiRow r = row("Timeliness", "Time taken for families to be seen (introductory visit)",
                       "First visits in the period made within the standard");
        r.numerator = inTime;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "allocation date to the first visit's date, first visits made in the period";
        out.push_back(r);
        KpiRow w = row("Timeliness", "Time taken for families to be seen (introductory visit)",
                       "Open episodes not yet visited and past the standard on the last day");
        w.numerator = waiting;
        w.standard = r.standard;
        out.push_back(w);
    }
    {
        int n = 0, inTime = 0, overdue = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->assessment;
            const bool fromReferral = f.standards->assessmentFromReferral;
            if (!limit || (!fromReferral && !f.allocatedAt)) continue;
            const Date from = fromReferral ? f.received.date() : f.allocatedAt->date();
            standards.add(
                "within " + limit->text() + " of " + (fromReferral ? "referral" : "allocation"),
                f.standards->profile);
            if (f.assessmentCompleted && _period.contains(*f.assessmentCompleted)) {
                ++n;
                inTime += limit->met(from, *f.assessmentCompleted);
            }
            const bool done = f.assessmentCompleted && *f.assessmentCompleted <= to;
            if (openOn(f, to) && !done && f.route != "step_down" && limit->deadlineDate(from) < to)
                ++overdue;
        }
        KpiRow r = row("Timeliness", "Time taken to complete the Early Help assessment",
                       "Assessments completed in the period within the standard");
        r.numerator = inTime;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "referral (or allocation, as the profile says) to assessment.completed";
        out.push_back(r);
        KpiRow o = row("Timeliness", "Time taken to complete the Early Help assessment",
                       "Open episodes without a completed assessment past the standard");
        o.numerator = overdue;
        o.standard = r.standard;
        o.note = "step-down referrals are not counted (no new assessment)";
        out.push_back(o);
    }
    {
        int n = 0, inTime = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const KpiStandards& s = *f.standards;
            if (!s.initialMeeting) continue;
            const auto first = std::find_if(f.tafs.begin(), f.tafs.end(),
                                            [](const Taf& t) { return t.kind == "initial_taf"; });
            std::vector<std::string> parts;
            if (s.meetingAfterAssessment)
                parts.push_back(s.meetingAfterAssessment->text() + " of the assessment");
            if (s.meetingAfterReferral)
                parts.push_back(s.meetingAfterReferral->text() + " of referral");
            if (s.meetingAfterAllocation)
                parts.push_back(s.meetingAfterAllocation->text() + " of allocation");
            std::string text = "within ";
            for (size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : " and ") + parts[i];
            standards.add(text, s.profile);
            if (first == f.tafs.end() || !_period.contains(first->date)) continue;
            ++n;
            bool ok = true;
            if (s.meetingAfterReferral)
                ok = ok && s.meetingAfterReferral->met(f.received.date(), first->date);
            if (s.meetingAfterAssessment && f.assessmentCompleted)
                ok = ok && s.meetingAfterAssessment->met(*f.assessmentCompleted, first->date);
            if (s.meetingAfterAllocation && f.allocatedAt)
                ok = ok && s.meetingAfterAllocation->met(f.allocatedAt->date(), first->date);
            inTime += ok;
        }
        KpiRow r = row("Timeliness", "Time taken to hold the initial planning (TAF) meeting",
                       "Initial TAF meetings held in the period within the standard");
        r.numerator = inTime;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "the first initial_taf meeting; the assessment test applies when it is completed";
        out.push_back(r);
    }
    {
        int n = 0, recent = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->visitInterval;
            if (!limit || !openOn(f, to) || limit->deadlineDate(f.allocatedAt->date()) > to)
                continue;
            ++n;
            standards.add("at least every " + limit->text(), f.standards->profile);
            std::optional<Date> last;
            for (Date v : f.visits)
                if (v <= to) last = v;
            recent += last && limit->met(*last, to);
        }
        KpiRow r = row("Timeliness", "Are the children being visited regularly?",
                       "Open episodes whose last visit is within the standard of the last day");
        r.numerator = recent;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "episodes open on the last day and allocated at least the standard before it";
        out.push_back(r);
    }
    {
        int closedN = 0, closedInTime = 0, openN = 0, openOver = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limitOf = f.standards->duration;
            if (!f.allocatedAt || !limitOf) continue;
            const Date limit = limitOf->deadlineDate(f.allocatedAt->date());
            bool counted = false;
            if (f.closed && _period.contains(*f.closed)) {
                ++closedN;
                closedInTime += *f.closed <= limit;
                counted = true;
            }
            if (openOn(f, to)) {
                ++openN;
                openOver += to > limit;
                counted = true;
            }
            if (counted) standards.add("at most " + limitOf->text(), f.standards->profile);
        }
        KpiRow r = row("Timeliness", "Length of time the service works with the family",
                       "Episodes closed in the period within the standard");
        r.numerator = closedInTime;
        r.denominator = closedN;
        r.standard = standards.text();
        r.note = "allocation date to closure.date (calendar months)";
        out.push_back(r);
        KpiRow o = row("Timeliness", "Length of time the service works with the family",
                       "Open episodes already open longer than the standard");
        o.numerator = openOver;
        o.denominator = openN;
        o.standard = r.standard;
        out.push_back(o);
    }
    {
        int n = 0, onTime = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->reviewInterval;
            if (!limit || !openOn(f, to)) continue;
            std::optional<Date> initial, last;
            for (const auto& t : f.tafs) {
                if (t.date > to) continue;
                if (t.kind == "initial_taf" && !initial) initial = t.date;
                if (initial) last = t.date;
            }
            if (!initial) continue;
            ++n;
            standards.add("at least every " + limit->text(), f.standards->profile);
            onTime += limit->met(*last, to);
        }
        KpiRow r =
            row("Timeliness", "Has the Early Help plan been reviewed regularly?",
                "Open episodes whose last TAF meeting is within the standard of the last day");
        r.numerator = onTime;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "episodes open on the last day that have had their initial TAF meeting";
        out.push_back(r);
    }
    {
        int n = 0, multi = 0;
        for (const auto& f : _facts)
            for (const auto& t : f.tafs)
                if (_period.contains(t.date)) {
                    ++n;
                    multi += t.multiAgency;
                }
        KpiRow r = row("Timeliness", "Is there multi-agency involvement in review meetings?",
                       "TAF meetings in the period attended by another agency");
        r.numerator = multi;
        r.denominator = n;
        r.note =
            "an attendee marked attended, not a family member, whose agency (or their "
            "worker's) is not the case's own service";
        out.push_back(r);
    }

    // Throughput and caseloads.
    {
        int opened = 0, closed = 0, open = 0, partner = 0;
        for (const auto& f : _facts) {
            opened += f.allocatedAt && _period.contains(f.allocatedAt->date());
            closed += f.closed && _period.contains(*f.closed) && f.allocatedAt;
            open += openOn(f, to);
            partner += openOn(f, to) && f.leadRole == "partner";
        }
        KpiRow a = row("Throughput", "What is the throughput of cases?",
                       "Episodes opened (allocated) in the period");
        a.numerator = opened;
        a.note = "month by month on the Throughput sheet";
        out.push_back(a);
        KpiRow b =
            row("Throughput", "What is the throughput of cases?", "Episodes closed in the period");
        b.numerator = closed;
        out.push_back(b);
        KpiRow c =
            row("Throughput", "What is the throughput of cases?", "Episodes open on the last day");
        c.numerator = open;
        out.push_back(c);
        const auto loads = caseloads();
        KpiRow d = row("Caseloads", "Who is the family's allocated practitioner?",
                       "Open episodes per lead worker on the last day (average)");
        d.numerator = open;
        d.denominator = static_cast<double>(loads.size());
        d.note =
            "numerator: open episodes, denominator: lead workers; per worker on the "
            "Caseloads sheet";
        out.push_back(d);
        KpiRow p = row("Caseloads", "Families supported by a partner lead professional via TAF",
                       "Open episodes whose lead worker's role is partner");
        p.numerator = partner;
        p.denominator = open;
        out.push_back(p);
    }
    {
        int children = 0;
        for (const auto& f : _facts)
            if (openOn(f, to)) children += static_cast<int>(f.children.size());
        KpiRow r = row("Demography", "What is the demography of open cases?",
                       "Children and unborn in episodes open on the last day");
        r.numerator = children;
        r.note = "by age band, ethnicity and gender on the Demography sheet";
        out.push_back(r);
        out.push_back(unanswerable("Demography",
                                   "Open cases compared to CSC data and the local population",
                                   "needs CSC and population figures, which are not in case "
                                   "files"));
    }

    // Oversight and outcomes.
    {
        int n = 0, recent = 0;
        RowStandards standards;
        for (const auto& f : _facts) {
            const auto& limit = f.standards->supervision;
            if (!limit || !openOn(f, to) || limit->deadlineDate(f.allocatedAt->date()) > to)
                continue;
            ++n;
            standards.add("a supervision record at least every " + limit->text(),
                          f.standards->profile);
            recent += std::any_of(f.supervision.begin(), f.supervision.end(),
                                  [&](Date d) { return d <= to && limit->met(d, to); });
        }
        KpiRow r = row("Oversight", "Is there regular management oversight?",
                       "Open episodes with a supervision record within the standard");
        r.numerator = recent;
        r.denominator = n;
        r.standard = standards.text();
        r.note = "episodes open on the last day and allocated at least the standard before it";
        out.push_back(r);
    }
    {
        int n = 0, improved = 0;
        double change = 0;
        for (const auto& f : _facts) {
            if (!f.closed || !_period.contains(*f.closed) || !f.baselineMean || !f.finalMean)
                continue;
            ++n;
            improved += *f.finalMean > *f.baselineMean;
            change += *f.finalMean - *f.baselineMean;
        }
        KpiRow r = row("Outcomes", "Did the intervention improve outcomes?",
                       "Episodes closed in the period whose scores rose from assessment to "
                       "closure");
        r.numerator = improved;
        r.denominator = n;
        r.note =
            "mean of closure.final_scores above the mean of assessment.scores "
            "(wellbeing scale or Outcome Star)";
        if (n > 0) {
            char average[32];
            std::snprintf(average, sizeof average, "%+.1f", change / n);
            r.note += "; average change " + std::string(average);
        }
        out.push_back(r);
    }
    {
        std::vector<long> gaps;
        int discussed = 0;
        for (const auto& f : _facts) {
            const auto in = std::find_if(f.nam.begin(), f.nam.end(),
                                         [&](Date d) { return _period.contains(d); });
            if (in == f.nam.end()) continue;
            ++discussed;
            gaps.push_back(daysBetween(f.received.date(), f.nam.front()));
        }
        KpiRow r = row("NAM", "Number of families discussed at NAM",
                       "Families with a NAM meeting in the period");
        r.numerator = discussed;
        out.push_back(r);
        KpiRow g = row("NAM", "Length of time between referral and NAM meeting",
                       "Average days from referral to the first NAM meeting");
        if (!gaps.empty()) {
            double sum = 0;
            for (long d : gaps) sum += static_cast<double>(d);
            g.numerator = sum;
            g.denominator = static_cast<double>(gaps.size());
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
    std::vector<KpiMonth> out;
    for (Date m = Date::fromYmd(_period.from.year(), _period.from.month(), 1); m <= _period.to;
         m = m.plusMonths(1)) {
        const Date first = std::max(m, _period.from);
        const Date last = std::min(m.plusMonths(1).plusDays(-1), _period.to);
        KpiMonth month{m, 0, 0, 0};
        for (const auto& f : _facts) {
            if (!f.allocatedAt) continue;
            const Date start = f.allocatedAt->date();
            month.opened += first <= start && start <= last;
            month.closed += f.closed && first <= *f.closed && *f.closed <= last;
            month.openAtEnd += openOn(f, last);
        }
        out.push_back(month);
    }
    return out;
}

std::vector<KpiCount> KpiReport::caseloads() const {
    std::map<std::string, int> byWorker;
    int open = 0;
    for (const auto& f : _facts)
        if (openOn(f, _period.to)) {
            ++byWorker[orNotRecorded(f.leadWorker)];
            ++open;
        }
    std::vector<KpiCount> out;
    for (const auto& [worker, n] : byWorker)
        out.push_back({"Open episodes on " + _period.to.iso(), "Lead worker", worker, n, open});
    std::stable_sort(out.begin(), out.end(),
                     [](const KpiCount& a, const KpiCount& b) { return a.count > b.count; });
    return out;
}

std::vector<KpiCount> KpiReport::demography() const {
    std::vector<KpiCount> out;
    const auto tally = [&](const std::string& group, auto include, auto ageDate) {
        std::map<std::string, std::map<std::string, int>> counts;
        int total = 0;
        for (const auto& f : _facts) {
            if (!include(f)) continue;
            for (const auto& c : f.children) {
                ++total;
                ++counts["Age band"][ageBand(c, ageDate(f))];
                ++counts["Ethnicity"][orNotRecorded(c.ethnicity)];
                ++counts["Gender"][orNotRecorded(c.gender)];
            }
        }
        for (const char* dimension : {"Age band", "Ethnicity", "Gender"})
            for (const auto& [value, n] : counts[dimension])
                out.push_back({group, dimension, value, n, total});
    };
    tally(
        "Requests received in the period",
        [&](const Facts& f) { return _period.contains(f.received.date()); },
        [](const Facts& f) { return f.received.date(); });
    tally(
        "Open episodes on " + _period.to.iso(),
        [&](const Facts& f) { return openOn(f, _period.to); },
        [&](const Facts&) { return _period.to; });
    return out;
}

}  // namespace ehdocs
