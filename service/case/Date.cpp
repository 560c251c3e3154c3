#include "case/Date.h"

#include <Poco/DateTime.h>
#include <Poco/Timestamp.h>

#include <cstdio>
#include <vector>

namespace ehdocs {
namespace {

constexpr long long kSecondsPerDay = 86400;
constexpr long long kMicrosPerSecond = 1000000;

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

bool digitsAt(const std::string& s, size_t pos, size_t count) {
    if (pos + count > s.size()) return false;
    for (size_t i = pos; i < pos + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

int numberAt(const std::string& s, size_t pos, size_t count) {
    return std::stoi(s.substr(pos, count));
}

Poco::DateTime toPoco(long days) {
    return Poco::DateTime(Poco::Timestamp(days * kSecondsPerDay * kMicrosPerSecond));
}

// Last Sunday of the month, the day UK clocks change (March and October).
Date lastSunday(int year, int month) {
    Date last = Date::fromYmd(year, month, 31);
    return last.plusDays(-last.weekday());
}

// UK summer time runs from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last
// Sunday in October. `localSeconds` is wall-clock time read as if it were UTC.
// The boundaries are worked out once per year: rules and reports ask for them constantly.
bool isUkSummerTime(long long localSeconds, int year) {
    constexpr int kFirstYear = 1900, kLastYear = 2200;
    struct Boundaries {
        long long start, end;
    };
    static const std::vector<Boundaries> table = [] {
        std::vector<Boundaries> t;
        for (int y = kFirstYear; y <= kLastYear; ++y)
            t.push_back({lastSunday(y, 3).dayNumber() * kSecondsPerDay + 3600,         // 01:00 GMT
                         lastSunday(y, 10).dayNumber() * kSecondsPerDay + 2 * 3600});  // 02:00 BST
        return t;
    }();
    if (year < kFirstYear || year > kLastYear) return false;
    const Boundaries& b = table[year - kFirstYear];
    return localSeconds >= b.start && localSeconds < b.end;
}

}  // namespace

std::optional<Date> Date::parse(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!digitsAt(text, 0, 4) || !digitsAt(text, 5, 2) || !digitsAt(text, 8, 2))
        return std::nullopt;
    int y = numberAt(text, 0, 4), m = numberAt(text, 5, 2), d = numberAt(text, 8, 2);
    if (y < 1900 || !Poco::DateTime::isValid(y, m, d)) return std::nullopt;
    return fromYmd(y, m, d);
}

Date Date::fromYmd(int year, int month, int day) {
    Poco::DateTime dt(year, month, day);
    return Date(static_cast<long>(dt.timestamp().epochMicroseconds() /
                                  (kSecondsPerDay * kMicrosPerSecond)));
}

Date Date::fromDayNumber(long dayNumber) {
    return Date(dayNumber);
}

int Date::year() const {
    return toPoco(_days).year();
}
int Date::month() const {
    return toPoco(_days).month();
}
int Date::day() const {
    return toPoco(_days).day();
}
int Date::weekday() const {
    return toPoco(_days).dayOfWeek();
}

Date Date::plusMonths(int n) const {
    Poco::DateTime dt = toPoco(_days);
    int monthIndex = dt.year() * 12 + (dt.month() - 1) + n;
    int y = monthIndex / 12, m = monthIndex % 12 + 1;
    int d = std::min(dt.day(), Poco::DateTime::daysOfMonth(y, m));
    return fromYmd(y, m, d);
}

std::string Date::iso() const {
    Poco::DateTime dt = toPoco(_days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.year(), dt.month(), dt.day());
    return buf;
}

std::string Date::uk() const {
    Poco::DateTime dt = toPoco(_days);
    return std::to_string(dt.day()) + " " + kMonthNames[dt.month() - 1] + " " +
           std::to_string(dt.year());
}

std::optional<DateTime> DateTime::parse(const std::string& text) {
    std::optional<Date> date = Date::parse(text.substr(0, 10));
    if (!date) return std::nullopt;
    DateTime result;
    result._date = *date;
    if (text.size() == 10) return result;

    // THH:MM
    if (text.size() < 16 || text[10] != 'T' || !digitsAt(text, 11, 2) || text[13] != ':' ||
        !digitsAt(text, 14, 2))
        return std::nullopt;
    int h = numberAt(text, 11, 2), min = numberAt(text, 14, 2), sec = 0;
    size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {  // optional :SS
        if (!digitsAt(text, pos + 1, 2)) return std::nullopt;
        sec = numberAt(text, pos + 1, 2);
        pos += 3;
    }
    if (h > 23 || min > 59 || sec > 59) return std::nullopt;
    result._secondOfDay = h * 3600 + min * 60 + sec;

    if (pos == text.size()) return result;
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
        result._offsetMinutes = 0;
        return result;
    }
    // ±HH:MM
    if ((text[pos] != '+' && text[pos] != '-') || text.size() != pos + 6 ||
        !digitsAt(text, pos + 1, 2) || text[pos + 3] != ':' || !digitsAt(text, pos + 4, 2))
        return std::nullopt;
    int oh = numberAt(text, pos + 1, 2), om = numberAt(text, pos + 4, 2);
    if (oh > 14 || om > 59) return std::nullopt;
    result._offsetMinutes = (text[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    return result;
}

DateTime DateTime::atMidnight(Date date) {
    DateTime result;
    result._date = date;
    return result;
}

long long DateTime::utcSeconds() const {
    long long local = static_cast<long long>(_date.dayNumber()) * kSecondsPerDay + _secondOfDay;
    if (_offsetMinutes) return local - *_offsetMinutes * 60LL;
    return isUkSummerTime(local, _date.year()) ? local - 3600 : local;
}

std::string DateTime::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d", _date.iso().c_str(), hour(), minute());
    std::string out = buf;
    if (_secondOfDay % 60) {
        std::snprintf(buf, sizeof buf, ":%02d", _secondOfDay % 60);
        out += buf;
    }
    if (_offsetMinutes) {
        int off = *_offsetMinutes;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60,
                      std::abs(off) % 60);
        out += buf;
    }
    return out;
}

std::string DateTime::uk() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour(), minute());
    return _date.uk() + ", " + buf;
}

Date ukDateAt(long long utcSeconds) {
    // Summer time, read in UTC: from 01:00 on the last Sunday in March to 01:00 on the last
    // Sunday in October.
    const auto floorDiv = [](long long a, long long b) { return a / b - (a % b < 0 ? 1 : 0); };
    const int year =
        Date::fromDayNumber(static_cast<long>(floorDiv(utcSeconds, kSecondsPerDay))).year();
    const long long start = lastSunday(year, 3).dayNumber() * kSecondsPerDay + 3600;
    const long long end = lastSunday(year, 10).dayNumber() * kSecondsPerDay + 3600;
    const long long offset = utcSeconds >= start && utcSeconds < end ? 3600 : 0;
    return Date::fromDayNumber(static_cast<long>(floorDiv(utcSeconds + offset, kSecondsPerDay)));
}

double hoursBetween(const DateTime& from, const DateTime& to) {
    return static_cast<double>(to.utcSeconds() - from.utcSeconds()) / 3600.0;
}

int ageOn(Date dob, Date on) {
    int age = on.year() - dob.year();
    if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --age;
    return age;
}

}  // namespace ehdocs
