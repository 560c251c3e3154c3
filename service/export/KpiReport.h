#pragma once

// The Performance Framework KPIs of seeds 000 and 001 for a period (`ehdocs export kpi`),
// counted from case files read one at a time (see CaseScan): each case's few facts are read,
// counted into the report's tallies and dropped, so the report's memory does not grow with
// the cases but for what re-referrals need (the child keys of the requests in the period and
// of the episodes closed in the window before it). Every row, how it is counted
// and its standard are documented in docs/exports.md; rows the case files cannot answer are
// kept, marked unanswerable, with the reason.
//
// Definitions shared by the rows (docs/exports.md, "KPI definitions"):
//   a request is a referral; it is in the period when `referral.received` falls in it;
//   an episode starts on the allocation date and ends on the closure date; it is open on a
//   day D when it started on or before D and has no closure dated on or before D;
//   a visit is as in the closure rules (a visit kind whose `with` names a member);
//   TAF meetings are `initial_taf`, `review_taf` and `ending`.
// Not thread-safe (it accumulates); the values it returns are plain. Movable, not copyable.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "export/CaseScan.h"
#include "rules/Limit.h"
#include "rules/ProfileRegistry.h"

namespace ehdocs {

struct KpiPeriod {
    Date from, to;  // inclusive
    bool contains(Date d) const { return from <= d && d <= to; }
};

// One case's standards: its own practice profile's timescales (profileStandards), so Barnet's
// cases are judged on 8-weekly reviews and the SOP's on 10 working days. Unset = the profile
// has that rule off, and the case is not counted in that row. The defaults are the seed
// tables' (000 and 001, Performance Framework: newham-ffs and dorset-locality).
struct KpiStandards {
    using Limit = rules::Limit;
    using Unit = rules::Limit::Unit;
    std::string profile;  // whose standards ("" = these defaults)
    std::optional<Limit> allocation = Limit(24, Unit::Hours);       // referral to allocation
    std::optional<Limit> firstVisit = Limit(5, Unit::WorkingDays);  // allocation to first visit
    std::optional<Limit> assessment = Limit(20, Unit::Days);        // to assessment completed
    bool assessmentFromReferral = true;                             // else from allocation
    std::optional<Limit> meetingAfterAssessment = Limit(10, Unit::Days);
    std::optional<Limit> meetingAfterReferral = Limit(30, Unit::Days);
    std::optional<Limit> meetingAfterAllocation;
    bool initialMeeting = true;                                   // the initial TAF row applies
    std::optional<Limit> visitInterval = Limit(14, Unit::Days);   // children visited regularly
    std::optional<Limit> duration = Limit(6, Unit::Months);       // longest episode
    std::optional<Limit> reviewInterval = Limit(6, Unit::Weeks);  // plan reviewed
    std::optional<Limit> supervision = Limit(4, Unit::Weeks);     // a supervision record
    int repeatMonths = 12;  // re-referral window (not a profile setting)
};

// The standards of a profile: each timeliness rule's limit, unset where the profile turns the
// rule off.
KpiStandards standardsOf(const rules::Profile& profile);

// One line of the KPIs sheet.
struct KpiRow {
    std::string section;   // "Requests", "Timeliness", ...
    std::string question;  // the seed's "what do we need to know?"
    std::string measure;   // what is counted
    std::optional<double> numerator, denominator;
    std::string standard;  // "within 24 hours (the case's profile)"; "" when none
    bool answerable = true;
    std::string note;  // how it was counted, or why it cannot be answered
    std::optional<double> percentage() const {
        if (!numerator || !denominator || *denominator <= 0) return std::nullopt;
        return *numerator / *denominator;
    }
};

struct KpiMonth {
    Date month;  // the first of the month
    int opened = 0, closed = 0, openAtEnd = 0;
};

struct KpiCount {
    std::string group, dimension, value;
    int count = 0, total = 0;  // total: the group's size, for a percentage
};

class KpiReport {
public:
    // The standards a case is judged by (profileStandards: its own profile's); without one,
    // every case is judged by `standards`.
    using StandardsFor = std::function<KpiStandards(const Case&)>;

    KpiReport(KpiPeriod period, KpiStandards standards = {}, std::string team = "",
              StandardsFor standardsFor = {});
    ~KpiReport();
    KpiReport(KpiReport&&) noexcept;
    KpiReport& operator=(KpiReport&&) noexcept;

    // Takes what the KPIs need from one case (cases outside the team are skipped).
    void add(const Case& kase);
    void addInvalid(InvalidCaseFile file) { _invalid.push_back(std::move(file)); }

    // The results, from the tallies of what was added.
    std::vector<KpiRow> rows() const;
    std::vector<KpiMonth> months() const;
    // Open episodes on the last day of the period, per lead worker (most first).
    std::vector<KpiCount> caseloads() const;
    // Children (and unborn) by age band, ethnicity and gender: in requests received in the
    // period, and in episodes open on the last day.
    std::vector<KpiCount> demography() const;

    const KpiPeriod& period() const { return _period; }
    const std::string& team() const { return _team; }
    const std::vector<InvalidCaseFile>& invalid() const { return _invalid; }
    std::size_t casesRead() const;

    // What one case contributes, read from it, counted and dropped.
    struct Child {
        std::string kind, gender, ethnicity, key;  // key: "first|last|dob" for re-referrals
        std::optional<Date> dob;
    };
    struct Taf {
        Date date;
        std::string kind;
        bool multiAgency = false;
    };
    struct Facts {
        std::string caseId;
        DateTime received;
        std::string source, outcome, route, leadWorker, leadRole;
        std::vector<std::string> reasons;
        std::optional<DateTime> allocatedAt;
        const KpiStandards* standards = nullptr;  // the case's own, kept once per profile
        std::vector<Date> visits, supervision, nam;
        std::optional<Date> assessmentCompleted;
        std::vector<Taf> tafs;
        std::optional<Date> closed;
        std::optional<double> baselineMean, finalMean;
        std::vector<Child> children;
    };

private:
    struct Tally;  // the counts of every row, sheet by sheet (KpiReport.cpp)

    Facts factsOf(const Case& kase);
    void count(const Facts& f);
    bool openOn(const Facts& f, Date day) const;

    KpiPeriod _period;
    KpiStandards _standards;
    std::string _team;
    StandardsFor _standardsFor;
    std::map<std::string, KpiStandards> _byProfile;  // node-based: Facts point into it
    std::unique_ptr<Tally> _tally;
    std::vector<InvalidCaseFile> _invalid;
};

// The standards of each case's own practice profile (the profile the case names, `standard`
// when it names none or one `profiles` does not know), for KpiReport. `profiles` must outlive
// the function returned.
KpiReport::StandardsFor profileStandards(const rules::ProfileRegistry& profiles);

}  // namespace ehdocs
