#pragma once

// Edits the service makes to a stored case file, on its JSON so that every field the file
// holds (including unknown ones, which the format says to keep) survives. Key order is kept.
// Callers validate the result again with CaseReader before storing it.

#include <Poco/JSON/Object.h>

#include <string>

#include "store/Store.h"

namespace ehdocs::server {

struct IssuedDocumentEntry {
    std::string id, type, issuedAt, by, format, sha256, templateVersion;
};

class CaseJson {
public:
    // Parses a case file; throws BadRequestException when it is not a JSON object.
    static Poco::JSON::Object::Ptr parse(const std::string& json);
    static std::string write(Poco::JSON::Object::Ptr kase);  // indented, UTF-8

    // The `workers[]` id that stands for `user` in this case: the worker whose id is the user's
    // name, else the only worker whose name is the user's name (case-insensitive). When there
    // is none, the user is added to `workers` (id made from the name) so that `by` references
    // resolve.
    static std::string workerFor(Poco::JSON::Object::Ptr kase, const store::User& user);

    // Sets `closure.authorised` {by, date} and `status: closed`. The closure section must exist.
    static void authoriseClosure(Poco::JSON::Object::Ptr kase, const std::string& workerId,
                                 const std::string& date);

    // Undoes authoriseClosure for a reopened case: removes `closure.authorised` (the rest of
    // the closure section stays, for the next closure), sets `status: open` and adds a
    // chronology event "Case reopened: REASON" dated `date`, its source naming `byName`.
    static void reopen(Poco::JSON::Object::Ptr kase, const std::string& date,
                       const std::string& reason, const std::string& byName);

    // `closure.authorised` as canonical JSON text (keys sorted), or "" when there is none:
    // two files sign off the same way exactly when these are equal.
    static std::string authorisedText(Poco::JSON::Object::Ptr kase);

    static void appendDocument(Poco::JSON::Object::Ptr kase, const IssuedDocumentEntry& doc);

    // A `sent` letter to the family in `correspondence`, pointing at the issued document.
    static void appendLetter(Poco::JSON::Object::Ptr kase, const std::string& date,
                             const std::string& subject, const std::string& docId);

    // What a Supporting Families coordinator may read: the case's identity, team, status,
    // family name and members' ids, kinds and names, and `supporting_families`.
    static Poco::JSON::Object::Ptr supportingFamiliesView(Poco::JSON::Object::Ptr kase);
};

}  // namespace ehdocs::server
