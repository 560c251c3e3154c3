#pragma once

// Case values built in code for the export tests, and helpers shared by them.

#include <string>

#include "case/Case.h"
#include "case/CaseReader.h"

namespace ehdocs::test {

Date d(const char* iso);

// A family on sf_2022 meeting every condition, three headlines (education, health, housing)
// all achieved, the latest on 2026-01-10: claimable from 2026-07-11.
Case claimableFamily();

// A repository example read through CaseReader ("okafor-ready-to-close.json"); fails the
// test when it does not read.
Case example(const std::string& name);

// Runs a command and returns its standard output; fails the test on a non-zero status.
std::string runCommand(const std::string& command);

// A fresh path under the system temporary directory, removed by the destructor.
class TempPath {
public:
    explicit TempPath(const std::string& suffix);
    ~TempPath();
    const std::string& path() const { return _path; }

private:
    std::string _path;
};

}  // namespace ehdocs::test
