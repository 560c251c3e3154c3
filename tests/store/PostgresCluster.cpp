#include "PostgresCluster.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <pwd.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "Processes.h"

namespace ehdocs::test {

namespace {

const char* const kUnprivileged = "nobody";

std::string binDir() {
    if (Poco::Environment::has("EHDOCS_PG_BIN")) return Poco::Environment::get("EHDOCS_PG_BIN");
    const Run bindir = ehdocs::test::run("pg_config", {"--bindir"});
    std::string dir = bindir.out;
    while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' ')) dir.pop_back();
    if (bindir.status != 0 || dir.empty()) {
        throw std::runtime_error(
            "pg_config --bindir failed; install Debian's postgresql "
            "(scripts/setup.sh) or set EHDOCS_PG_BIN");
    }
    return dir;
}

}  // namespace

PostgresCluster& PostgresCluster::shared() {
    static PostgresCluster cluster;
    return cluster;
}

PostgresCluster::PostgresCluster() : _bin(binDir()) {
    _dir = Poco::TemporaryFile::tempName();
    Poco::File(_dir).createDirectories();
    if (geteuid() == 0) {
        const passwd* user = getpwnam(kUnprivileged);
        if (!user || chown(_dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
            throw std::runtime_error("cannot hand " + _dir + " to the user " + kUnprivileged);
        }
    }
    const std::string data = _dir + "/data";
    // No fsync: the cluster lives for one test program; what the tests check is ehdocs.
    run("initdb", {"-D", data, "-U", "ehdocs", "-A", "trust", "-E", "UTF8", "--locale=C",
                   "--no-sync", "--no-instructions"});
    run("pg_ctl", {"-D", data, "-l", _dir + "/server.log", "-w", "-o",
                   "-k " + _dir + " -c listen_addresses= -F", "start"});
}

PostgresCluster::~PostgresCluster() {
    try {
        run("pg_ctl", {"-D", _dir + "/data", "-m", "immediate", "-w", "stop"});
    } catch (const std::exception&) {
    }
    Poco::File(_dir).remove(true);
}

void PostgresCluster::run(const std::string& program, const std::vector<std::string>& args) {
    std::vector<std::string> command;
    std::string executable = _bin + "/" + program;
    if (geteuid() == 0) {
        command = {"-u", kUnprivileged, "--", executable};
        executable = "runuser";
    }
    command.insert(command.end(), args.begin(), args.end());
    const Run done = ehdocs::test::run(executable, command);
    if (done.status != 0) {
        std::ifstream log(_dir + "/server.log");
        std::stringstream serverLog;
        serverLog << log.rdbuf();
        throw std::runtime_error(program + " failed (" + std::to_string(done.status) +
                                 "): " + done.out + done.err + serverLog.str());
    }
}

std::string PostgresCluster::createDatabase(std::string* name) {
    const std::string created = "ehdocs_" + std::to_string(++_databases);
    run("createdb", {"-h", _dir, "-U", "ehdocs", created});
    if (name) *name = created;
    return url(created);
}

std::string PostgresCluster::url(const std::string& name) const {
    return "postgresql:///" + name + "?host=" + _dir + "&user=ehdocs";
}

}  // namespace ehdocs::test
