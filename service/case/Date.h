#pragma once

#include <optional>
#include <string>

namespace ehdocs {

// A calendar date (no time, no zone). Value type; cheap to copy.
// Invariant: always a real date (constructed only through parse() or arithmetic).
class Date {
public:
    Date() = default;  // 1970-01-01

    // Parses strict `YYYY-MM-DD`. Returns nothing when the text has another shape
    // or names a day that does not exist (2026-02-30).
    static std::optional<Date> parse(const std::string& text);
    static Date fromYmd(int year, int month, int day);  // caller guarantees a real date
    static Date fromDayNumber(long dayNumber);

    int year() const;
    int month() const;    // 1-12
    int day() const;      // 1-31
    int weekday() const;  // 0 = Sunday ... 6 = Saturday

    // Days since 1970-01-01; differences are whole calendar days.
    long dayNumber() const { return _days; }
    Date plusDays(long n) const { return fromDayNumber(_days + n); }
    // Same day-of-month n months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb).
    Date plusMonths(int n) const;

    std::string iso() const;  // 2026-06-26
    std::string uk() const;   // 26 June 2026

    friend bool operator==(Date a, Date b) { return a._days == b._days; }
    friend bool operator!=(Date a, Date b) { return a._days != b._days; }
    friend bool operator<(Date a, Date b) { return a._days < b._days; }
    friend bool operator<=(Date a, Date b) { return a._days <= b._days; }
    friend bool operator>(Date a, Date b) { return a._days > b._days; }
    friend bool operator>=(Date a, Date b) { return a._days >= b._days; }

private:
    explicit Date(long days) : _days(days) {}
    long _days = 0;
};

// Whole calendar days from `from` to `to` (negative when `to` is earlier).
inline long daysBetween(Date from, Date to) {
    return to.dayNumber() - from.dayNumber();
}

// A point in time as the case file records it: `YYYY-MM-DDTHH:MM[:SS][offset]`, or a bare
// date meaning 00:00. Without an offset it is UK local time (Europe/London).
class DateTime {
public:
    DateTime() = default;
    static std::optional<DateTime> parse(const std::string& text);
    static DateTime atMidnight(Date date);

    Date date() const { return _date; }
    int hour() const { return _secondOfDay / 3600; }
    int minute() const { return _secondOfDay / 60 % 60; }
    // Seconds since 1970-01-01T00:00Z, applying the offset, or UK summer time when none was given.
    long long utcSeconds() const;

    std::string iso() const;  // 2026-03-02T09:15 (offset kept when one was given)
    std::string uk() const;   // 2 March 2026, 09:15

    friend bool operator<(const DateTime& a, const DateTime& b) {
        return a.utcSeconds() < b.utcSeconds();
    }

private:
    Date _date;
    int _secondOfDay = 0;
    std::optional<int> _offsetMinutes;
};

// Hours (fractional) from `from` to `to`.
double hoursBetween(const DateTime& from, const DateTime& to);

// The UK local date (Europe/London) at `utcSeconds`, seconds since 1970-01-01T00:00Z.
// case/Clock.h's ukToday() is the way to ask for today.
Date ukDateAt(long long utcSeconds);

// Whole years old on `on` (birthday counted on the day itself).
int ageOn(Date dob, Date on);

}  // namespace ehdocs
