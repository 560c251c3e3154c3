#pragma once

// The family's record as one ZIP (a subject access request): everything the service holds
// about the case. Layout (docs/api.md, "Subject access"):
//   README.txt                what the archive holds, when it was made and by whom
//   case.json                 the current case file
//   history.json              every version: number, who, when, what
//   documents/<id>.<format>   every issued document, exactly as issued
//   documents.json            the documents' ids, types, sha256 and when issued
//   audit.json                every audit entry about the case

#include <Poco/Timestamp.h>

#include <string>
#include <vector>

#include "store/Store.h"

namespace ehdocs::server {

class SubjectAccessArchive {
public:
    static std::string build(const store::CaseRecord& current,
                             const std::vector<store::CaseRecord>& history,
                             const std::vector<store::StoredDocument>& documents,
                             const std::vector<store::AuditEntry>& audit, const std::string& madeBy,
                             Poco::Timestamp madeAt);
};

}  // namespace ehdocs::server
