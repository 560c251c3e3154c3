#pragma once

// The Performance Framework KPIs of seeds 000 and 001 for a period (`ehdocs export kpi`),
// computed from case files read one at a time (see CaseScan). Every row, how it is counted
// and its standard are documented in docs/exports.md; rows the case files cannot answer are
// kept, marked unanswerable, with the reason.
//
// Definitions shared by the rows (docs/exports.md, "KPI definitions"):
//   a request is a referral; it is in the period when `referral.received` falls in it;
//   an episode starts on the allocation date and ends on the closure date; it is open on a
//   day D when it started on or before D and has no closure dated on or before D;
//   a visit is as in the closure rules (a visit kind whose `with` names a member);
//   TAF meetings are `initial_taf`, `review_taf` and `ending`.
// Not thread-safe (it accumulates); the values it returns are plain.

#include <functional>
#include <map>
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

// The standards of the seed tables (000 and 001, Performance Framework); defaults as there.
struct KpiStandards {
    long firstVisitDays = 5;   // referral to introductory visit
    long assessmentDays = 20;  // referral to assessment completed
    long meetingAfterAssessmentDays = 10;
    long meetingAfterReferralDays = 30;
    long visitIntervalDays = 14;   // children visited at least every 2 weeks
    int durationMonths = 6;        // maximum length of an episode
    long reviewIntervalDays = 42;  // plan reviewed at least every 6 weeks
    int supervisionMonths = 1;     // at least one supervision record a month
    int repeatMonths = 12;         // re-referral window
};

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
    // The allocation timescale for a case (its profile's `time.allocation.limit`); the
    // default gives 24 hours for every case.
    using AllocationLimit = std::function<rules::Limit(const Case&)>;

    KpiReport(KpiPeriod period, KpiStandards standards = {}, std::string team = "",
              AllocationLimit allocationLimit = {});

    // Takes what the KPIs need from one case (cases outside the team are skipped).
    void add(const Case& kase);
    void addInvalid(InvalidCaseFile file) { _invalid.push_back(std::move(file)); }

    // The results; compute on each call from what was added.
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
    std::size_t casesRead() const { return _facts.size(); }

    // What one case contributes, kept small so thousands fit in memory.
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
        bool allocationInTime = false;
        std::string allocationStandard;
        std::vector<Date> visits, supervision, nam;
        std::optional<Date> assessmentCompleted;
        std::vector<Taf> tafs;
        std::optional<Date> closed;
        std::optional<double> baselineMean, finalMean;
        std::vector<Child> children;
    };

private:
    bool openOn(const Facts& f, Date day) const;

    KpiPeriod _period;
    KpiStandards _standards;
    std::string _team;
    AllocationLimit _allocationLimit;
    std::vector<Facts> _facts;
    std::vector<InvalidCaseFile> _invalid;
};

// The allocation limit of each case's own practice profile (`time.allocation.limit` of the
// profile the case names, `standard` when it names none or one `profiles` does not know),
// for KpiReport. `profiles` must outlive the function returned.
KpiReport::AllocationLimit profileAllocationLimit(const rules::ProfileRegistry& profiles);

}  // namespace ehdocs
