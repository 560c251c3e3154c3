#pragma once

// Working days in England and Wales: Monday to Friday less the bank holidays.
// Bank holidays are computed, not listed: New Year's Day, Good Friday, Easter Monday, the early
// May and spring bank holidays, the summer bank holiday, Christmas Day and Boxing Day, with a
// substitute weekday when one falls on a weekend, plus the one-off changes proclaimed since 2020
// (2020-05-08 replacing the early May holiday, 2022-06-02 replacing the spring holiday,
// 2022-06-03, 2022-09-19, 2023-05-08). Stateless and thread-safe.

#include <vector>

#include "case/Date.h"

namespace ehdocs::rules {

class WorkingCalendar {
public:
    // The bank holidays of England and Wales in `year`, in date order.
    static std::vector<Date> bankHolidays(int year);
    static bool isBankHoliday(Date date);
    static bool isWorkingDay(Date date);

    // The date `count` working days after `from` (from itself is day 0, whatever it is):
    // 5 working days after Monday 2 March 2026 is Monday 9 March 2026. count >= 0.
    static Date addWorkingDays(Date from, long count);

    // Working days after `from` up to and including `to` (0 when to <= from).
    static long workingDaysBetween(Date from, Date to);

    // Easter Sunday (Gregorian calendar).
    static Date easterSunday(int year);
};

}  // namespace ehdocs::rules
