#include "render/RenderOptions.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

namespace ehdocs::render {

Date ukToday() {
    // Wall-clock UK time is UTC, or UTC + 1 h in summer. Try the summer reading: if the case
    // model's UK-local interpretation of it maps back to now, summer time applies.
    Poco::DateTime utc;
    Poco::DateTime summer = utc + Poco::Timespan(3600, 0);
    auto local = DateTime::parse(Poco::DateTimeFormatter::format(summer, "%Y-%m-%dT%H:%M"));
    auto utcMinute = DateTime::parse(Poco::DateTimeFormatter::format(utc, "%Y-%m-%dT%H:%MZ"));
    if (local && utcMinute && local->utcSeconds() == utcMinute->utcSeconds()) return local->date();
    return utcMinute ? utcMinute->date() : Date();
}

}  // namespace ehdocs::render
