#include "rules/Limit.h"

#include <sstream>

#include "rules/WorkingCalendar.h"

namespace ehdocs::rules {
namespace {

std::string plural(long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<Limit> Limit::parse(const std::string& text) {
    std::istringstream in(text);
    std::string number, word, extra;
    if (!(in >> number >> word)) return std::nullopt;
    if (word == "working") {
        if (!(in >> extra) || (extra != "days" && extra != "day")) return std::nullopt;
        word = "working days";
    }
    std::string rest;
    if (in >> rest) return std::nullopt;
    if (number.empty() || number.size() > 4) return std::nullopt;
    for (char c : number)
        if (c < '0' || c > '9') return std::nullopt;
    long count = std::stol(number);
    if (count < 1) return std::nullopt;

    Unit unit;
    if (word == "hour" || word == "hours")
        unit = Unit::Hours;
    else if (word == "day" || word == "days")
        unit = Unit::Days;
    else if (word == "working days")
        unit = Unit::WorkingDays;
    else if (word == "week" || word == "weeks")
        unit = Unit::Weeks;
    else if (word == "month" || word == "months")
        unit = Unit::Months;
    else
        return std::nullopt;
    return Limit(count, unit);
}

Date Limit::deadlineDate(Date from) const {
    switch (_unit) {
        case Unit::Hours:
            return from.plusDays((_count + 23) / 24);
        case Unit::Days:
            return from.plusDays(_count);
        case Unit::WorkingDays:
            return WorkingCalendar::addWorkingDays(from, _count);
        case Unit::Weeks:
            return from.plusDays(7 * _count);
        case Unit::Months:
            return from.plusMonths(static_cast<int>(_count));
    }
    return from;
}

bool Limit::met(const DateTime& from, const DateTime& to) const {
    if (_unit == Unit::Hours) return to.utcSeconds() - from.utcSeconds() <= _count * 3600LL;
    return to.date() <= deadlineDate(from.date());
}

std::string Limit::text() const {
    switch (_unit) {
        case Unit::Hours:
            return plural(_count, "hour", "hours");
        case Unit::Days:
            return plural(_count, "day", "days");
        case Unit::WorkingDays:
            return plural(_count, "working day", "working days");
        case Unit::Weeks:
            return plural(_count, "week", "weeks");
        case Unit::Months:
            return plural(_count, "month", "months");
    }
    return "";
}

std::string Limit::gapText(const DateTime& from, const DateTime& to) const {
    switch (_unit) {
        case Unit::Hours: {
            long long minutes = (to.utcSeconds() - from.utcSeconds()) / 60;
            std::string text = plural(static_cast<long>(minutes / 60), "hour", "hours");
            if (minutes % 60)
                text += " " + plural(static_cast<long>(minutes % 60), "minute", "minutes");
            return text;
        }
        case Unit::WorkingDays:
            return plural(WorkingCalendar::workingDaysBetween(from.date(), to.date()),
                          "working day", "working days");
        default:
            return plural(daysBetween(from.date(), to.date()), "day", "days");
    }
}

}  // namespace ehdocs::rules
