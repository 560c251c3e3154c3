#pragma once

// The one clock. Everything that needs "now" or "today" is given a Clock (the service holds one,
// tests pass a fixed one) and asks these functions, so that the service, the command line, the
// exports and the documents' "produced on" date agree on what day it is.

#include <Poco/Timestamp.h>

#include <functional>
#include <string>

#include "case/Date.h"

namespace ehdocs {

// Answers the current time. Must be callable from any thread.
using Clock = std::function<Poco::Timestamp()>;

// The machine's clock.
Clock systemClock();

// Today's date in the UK (Europe/London: GMT in winter, BST in summer) by `clock`, whatever the
// machine's time zone: at 23:30 UTC on 30 June it is already 1 July.
Date ukToday(const Clock& clock);

// The UK date at an instant.
Date ukDate(Poco::Timestamp at);

// The instant as the service writes timestamps: UTC with its offset, 2026-07-01T10:00:00Z.
std::string utcTimestamp(Poco::Timestamp at);

}  // namespace ehdocs
