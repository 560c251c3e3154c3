#pragma once

// A timescale from a practice profile: a whole number and a unit ("24 hours", "5 working days",
// "20 days", "6 weeks", "1 month"). Value type.
//
// How a limit is met (docs/rules.md, "Intervals"): hours compare datetimes; every other unit
// compares calendar dates (a datetime's date part). A limit is met when the second point is no
// later than the deadline: a review exactly 6 weeks after the last one is on time, one day
// more is late. A month is a calendar month (16 September to 16 October, clamped to the end of
// a shorter month); working days skip weekends and bank holidays of England and Wales.

#include <optional>
#include <string>

#include "case/Date.h"

namespace ehdocs::rules {

class Limit {
public:
    enum class Unit { Hours, Days, WorkingDays, Weeks, Months };

    Limit() = default;
    Limit(long count, Unit unit) : _count(count), _unit(unit) {}

    // Parses "5 working days", "1 month", "24 hours" (singular or plural, any spacing).
    // Returns nothing for anything else, including zero, negatives and counts over 9999.
    static std::optional<Limit> parse(const std::string& text);

    long count() const { return _count; }
    Unit unit() const { return _unit; }
    bool inHours() const { return _unit == Unit::Hours; }

    // The last date that is still on time, counted from `from` (for hours: the date by which
    // the limit has certainly run out, used only to describe a deadline).
    Date deadlineDate(Date from) const;

    // True when `to` is within the limit counted from `from`.
    bool met(const DateTime& from, const DateTime& to) const;
    bool met(Date from, Date to) const { return to <= deadlineDate(from); }

    // "5 working days", "24 hours", "1 month".
    std::string text() const;
    // The gap from `from` to `to` in this limit's own terms: "6 working days", "30 hours",
    // "45 days" (weeks and months are given in days, which is what a reader can check).
    std::string gapText(const DateTime& from, const DateTime& to) const;

private:
    long _count = 0;
    Unit _unit = Unit::Days;
};

}  // namespace ehdocs::rules
