#include "rules/WorkingCalendar.h"

#include <algorithm>

namespace ehdocs::rules {
namespace {

constexpr int kSaturday = 6;
constexpr int kSunday = 0;

// Day 0 (1970-01-01) was a Thursday. Computed here rather than through Date::weekday(), which
// converts through Poco::DateTime: working-day arithmetic runs in every check.
int weekdayOf(Date d) {
    long w = (d.dayNumber() + 4) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

bool isWeekend(Date d) {
    int w = weekdayOf(d);
    return w == kSaturday || w == kSunday;
}

Date firstMonday(int year, int month) {
    Date d = Date::fromYmd(year, month, 1);
    return d.plusDays((8 - d.weekday()) % 7);
}

Date lastMonday(int year, int month) {
    Date d = Date::fromYmd(year, month, 1).plusMonths(1).plusDays(-1);
    return d.plusDays(-((d.weekday() + 6) % 7));
}

// The next weekday on or after `d` that is not already taken.
Date substitute(Date d, const std::vector<Date>& taken) {
    while (isWeekend(d) || std::find(taken.begin(), taken.end(), d) != taken.end())
        d = d.plusDays(1);
    return d;
}

}  // namespace

Date WorkingCalendar::easterSunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Date::fromYmd(year, month, day);
}

std::vector<Date> WorkingCalendar::bankHolidays(int year) {
    std::vector<Date> days;
    days.push_back(substitute(Date::fromYmd(year, 1, 1), days));
    Date easter = easterSunday(year);
    days.push_back(easter.plusDays(-2));
    days.push_back(easter.plusDays(1));

    // Early May: moved to Friday 8 May in 2020 (VE Day 75).
    days.push_back(year == 2020 ? Date::fromYmd(2020, 5, 8) : firstMonday(year, 5));
    // One-off: the Coronation of King Charles III.
    if (year == 2023) days.push_back(Date::fromYmd(2023, 5, 8));
    // Spring: moved to Thursday 2 June in 2022, with Friday 3 June added (Platinum Jubilee).
    if (year == 2022) {
        days.push_back(Date::fromYmd(2022, 6, 2));
        days.push_back(Date::fromYmd(2022, 6, 3));
    } else {
        days.push_back(lastMonday(year, 5));
    }
    days.push_back(lastMonday(year, 8));
    // One-off: the State Funeral of Queen Elizabeth II.
    if (year == 2022) days.push_back(Date::fromYmd(2022, 9, 19));

    // Christmas then Boxing Day, each moved to the next free weekday when it falls on a weekend.
    days.push_back(substitute(Date::fromYmd(year, 12, 25), days));
    days.push_back(substitute(Date::fromYmd(year, 12, 26), days));
    std::sort(days.begin(), days.end());
    return days;
}

namespace {

constexpr int kFirstCachedYear = 1990, kLastCachedYear = 2100;

// Every bank holiday from 1990 to 2100, in order, computed once (thread-safe static init).
const std::vector<Date>& cachedHolidays() {
    static const std::vector<Date> kDays = [] {
        std::vector<Date> all;
        for (int y = kFirstCachedYear; y <= kLastCachedYear; ++y) {
            std::vector<Date> year = WorkingCalendar::bankHolidays(y);
            all.insert(all.end(), year.begin(), year.end());
        }
        return all;
    }();
    return kDays;
}

}  // namespace

bool WorkingCalendar::isBankHoliday(Date date) {
    static const Date kFirst = Date::fromYmd(kFirstCachedYear, 1, 1);
    static const Date kLast = Date::fromYmd(kLastCachedYear, 12, 31);
    if (date < kFirst || date > kLast) {
        std::vector<Date> days = bankHolidays(date.year());
        return std::binary_search(days.begin(), days.end(), date);
    }
    const std::vector<Date>& days = cachedHolidays();
    return std::binary_search(days.begin(), days.end(), date);
}

bool WorkingCalendar::isWorkingDay(Date date) {
    return !isWeekend(date) && !isBankHoliday(date);
}

Date WorkingCalendar::addWorkingDays(Date from, long count) {
    Date d = from;
    while (count > 0) {
        d = d.plusDays(1);
        if (isWorkingDay(d)) --count;
    }
    return d;
}

long WorkingCalendar::workingDaysBetween(Date from, Date to) {
    long count = 0;
    for (Date d = from.plusDays(1); d <= to; d = d.plusDays(1))
        if (isWorkingDay(d)) ++count;
    return count;
}

}  // namespace ehdocs::rules
