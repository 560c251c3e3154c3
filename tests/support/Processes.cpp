#include "Processes.h"

#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <csignal>
#include <exception>
#include <stdexcept>
#include <thread>

namespace ehdocs::test {

namespace {

// The child's exit status (256 + the signal that ended it), waiting as long as it takes, or
// killing it once it outlives a non-zero `limit` (-1). Our own waitpid, so that the status
// means the same whichever way it was waited for.
int waitFor(Poco::ProcessHandle& handle, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int raw = 0;
    for (;;) {
        const pid_t done = ::waitpid(handle.id(), &raw, limit.count() == 0 ? 0 : WNOHANG);
        if (done == handle.id()) return WIFEXITED(raw) ? WEXITSTATUS(raw) : 256 + WTERMSIG(raw);
        if (done < 0 && errno != EINTR) throw std::runtime_error("cannot wait for the program");
        if (limit.count() != 0 && std::chrono::steady_clock::now() > deadline) {
            ::kill(handle.id(), SIGKILL);
            ::waitpid(handle.id(), &raw, 0);
            return -1;
        }
        if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling
    }
}

}  // namespace

std::string Run::lastLine() const {
    std::string text = out;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text.substr(text.rfind('\n') + 1);
}

Run run(const std::string& program, const std::vector<std::string>& args,
        const RunOptions& options) {
    // A program that exits before reading all its input must fail the write, not kill the test.
    std::signal(SIGPIPE, SIG_IGN);
    Poco::Pipe in, out, err;
    const Poco::Process::Env environment(options.environment.begin(), options.environment.end());
    Poco::ProcessHandle handle =
        Poco::Process::launch(program, args, "", &in, &out, &err, environment);
    Run result;
    std::thread readOut([&] {
        Poco::PipeInputStream stream(out);
        Poco::StreamCopier::copyToString(stream, result.out);
    });
    std::thread readErr([&] {
        Poco::PipeInputStream stream(err);
        Poco::StreamCopier::copyToString(stream, result.err);
    });
    {
        Poco::PipeOutputStream stream(in);
        stream << options.input;
    }
    in.close();
    std::exception_ptr failed;
    try {
        result.status = waitFor(handle, options.limit);
    } catch (...) {
        failed = std::current_exception();  // the readers end with the child's pipes
    }
    readOut.join();
    readErr.join();
    if (failed) std::rethrow_exception(failed);
    return result;
}

Run runEhdocs(const std::vector<std::string>& args, const RunOptions& options) {
    return run(EHDOCS_BINARY, args, options);
}

std::string addUser(const std::string& name, const std::string& role,
                    const std::vector<std::string>& where) {
    std::vector<std::string> args = {"user", "add", name, "--role", role};
    args.insert(args.end(), where.begin(), where.end());
    const Run added = runEhdocs(args);
    BOOST_TEST_REQUIRE(added.status == 0, added.err);
    const std::string token = added.lastLine();
    BOOST_TEST_REQUIRE(token.rfind("ehd_", 0) == 0u, added.out);
    return token;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args)
    : _handle([&] {
          std::vector<std::string> command = {"serve", "--port", "0"};
          command.insert(command.end(), args.begin(), args.end());
          return Poco::Process::launch(EHDOCS_BINARY, command, nullptr, &_out, nullptr);
      }()) {
    Poco::PipeInputStream lines(_out);
    const std::string marker = "listening on http://127.0.0.1:";
    std::string line;
    while (std::getline(lines, line)) {
        const auto at = line.find(marker);
        if (at != std::string::npos) {
            _port = static_cast<Poco::UInt16>(std::stoi(line.substr(at + marker.size())));
            return;
        }
    }
    Poco::Process::kill(_handle);
    _handle.wait();
    BOOST_FAIL("ehdocs serve did not say where it listens");
}

ServeProcess::~ServeProcess() {
    if (Poco::Process::isRunning(_handle)) {
        Poco::Process::requestTermination(_handle.id());
        _handle.wait();
    }
}

}  // namespace ehdocs::test
