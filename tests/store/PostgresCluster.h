#pragma once

// A throwaway PostgreSQL cluster for tests, so that the PostgreSQL tests need nothing but
// Debian's `postgresql` package: initdb into a temporary folder, started with pg_ctl listening
// only on a Unix socket in that folder (no TCP port), stopped and removed at the end.
// PostgreSQL refuses to run as root, so as root (the tests usually are) the cluster's commands
// run as the unprivileged user `nobody`. Programs and libraries are found through
// `pg_config --bindir`, or EHDOCS_PG_BIN when set.

#include <string>
#include <vector>

namespace ehdocs::test {

class PostgresCluster {
public:
    // The one cluster of this test program, started on first use (about two seconds) and
    // stopped when the program exits. Throws std::runtime_error, with the server's log, when
    // it cannot start.
    static PostgresCluster& shared();

    // A new, empty database; returns its postgresql:// URL (and its name in `name`).
    std::string createDatabase(std::string* name = nullptr);

    // The URL of database `name`.
    std::string url(const std::string& name) const;

    // Runs one of PostgreSQL's programs (pg_dump, pg_restore, psql...) as the cluster's user;
    // throws std::runtime_error with its output when it fails. Files it writes must be in
    // socketDir().
    void run(const std::string& program, const std::vector<std::string>& args);

    // The cluster's socket folder (the `host` of its URLs).
    const std::string& socketDir() const { return _dir; }

    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

private:
    PostgresCluster();

    std::string _bin, _dir;
    int _databases = 0;
};

}  // namespace ehdocs::test
