#pragma once

// Reads and validates case files (`ehdocs.case/1`) in one pass.
// Every problem is collected, never just the first: each names its JSON path
// (`contacts[2].at`) and says in plain words what is wrong.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "case/Case.h"

namespace ehdocs {

struct ValidationError {
    std::string path;     // `referral.received`; "" for the document as a whole
    std::string message;  // `"2026-02-30T09:15" is not a real date`
    std::string text() const { return path.empty() ? message : path + ": " + message; }
};

struct ReadResult {
    std::optional<Case> kase;  // set exactly when errors is empty
    std::vector<ValidationError> errors;
    bool ok() const { return errors.empty(); }
};

// The largest case file accepted, in bytes (a case file is tens of kilobytes).
constexpr std::size_t kMaxCaseFileBytes = 5 * 1024 * 1024;

// Whether `s` is an id as case files write them: 1-64 characters of A-Z a-z 0-9 . _ -
// (also what a user's worker id must be, to match a case's `lead_worker`).
bool isValidId(const std::string& s);

class CaseReader {
public:
    // Parses and validates JSON text (the caller bounds its size). Never throws for bad input:
    // malformed JSON, wrong types, unknown enum values, impossible dates, dangling references and
    // duplicate ids all become errors in the result.
    static ReadResult fromJson(const std::string& json);

    // Reads a file (refusing one over `maxBytes`) and validates it. I/O failures are errors
    // in the result too, with an empty path.
    static ReadResult fromFile(const std::string& path, std::size_t maxBytes = kMaxCaseFileBytes);
};

}  // namespace ehdocs
