#include "case/Clock.h"

#include <Poco/DateTimeFormatter.h>

namespace ehdocs {

Clock systemClock() {
    return [] { return Poco::Timestamp(); };
}

Date ukToday(const Clock& clock) {
    return ukDate(clock());
}

Date ukDate(Poco::Timestamp at) {
    return ukDateAt(static_cast<long long>(at.epochTime()));
}

std::string utcTimestamp(Poco::Timestamp at) {
    return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace ehdocs
