#pragma once

// The programs the tests run: a command to its end with what it printed, and `ehdocs serve`
// for as long as a test needs it. One place for launching, reading both pipes and stopping,
// for every test program (the tests run the real executable as a user would).

#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <Poco/Types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace ehdocs::test {

struct Run {
    int status = 0;  // the exit status; 256 + the signal when killed; -1 when it outlived its limit
    std::string out, err;
    std::string lastLine() const;  // the last line of `out`, without its line ending
};

struct RunOptions {
    std::string input;                               // written to standard input, then closed
    std::map<std::string, std::string> environment;  // added to the test program's own
    // Killed (status -1) when still running after this long; zero waits as long as it takes.
    std::chrono::milliseconds limit{0};
};

// Runs `program` with `args` to its end. Both outputs are read as it runs, so a chatty
// program cannot block on a full pipe.
Run run(const std::string& program, const std::vector<std::string>& args,
        const RunOptions& options = {});

// build/ehdocs with `args`.
Run runEhdocs(const std::vector<std::string>& args, const RunOptions& options = {});

// `ehdocs user add NAME --role ROLE` with `where` (--data DIR or --config FILE); the new
// user's API token. Fails the test when the user cannot be added.
std::string addUser(const std::string& name, const std::string& role,
                    const std::vector<std::string>& where);

// `ehdocs serve --port 0` with `args`, from construction (once it says where it listens) to
// destruction (SIGTERM, then waiting for its exit, unless the test has already ended it).
class ServeProcess {
public:
    explicit ServeProcess(const std::vector<std::string>& args);
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    Poco::UInt16 port() const { return _port; }
    // For a test that stops the server itself (kill -9, or SIGTERM and its exit status).
    Poco::ProcessHandle& handle() { return _handle; }

private:
    Poco::Pipe _out;
    Poco::ProcessHandle _handle;
    Poco::UInt16 _port = 0;
};

}  // namespace ehdocs::test
