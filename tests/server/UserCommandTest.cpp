// `ehdocs user add`, `token` and `worker`, run as the real executable.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include "Processes.h"
#include "server/Tokens.h"
#include "store/SqliteStore.h"

using ehdocs::test::Run;
using ehdocs::test::runEhdocs;

BOOST_AUTO_TEST_SUITE(user_command)

BOOST_AUTO_TEST_CASE(a_new_token_replaces_the_old_one) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string data = dir.path();

    Run added = runEhdocs({"user", "add", "amira", "--role", "coach", "--team", "South", "--worker",
                           "w1", "--data", data});
    BOOST_REQUIRE_EQUAL(added.status, 0);
    const std::string first = added.lastLine();

    Run replaced = runEhdocs({"user", "token", "amira", "--data", data});
    BOOST_REQUIRE_EQUAL(replaced.status, 0);
    const std::string second = replaced.lastLine();
    BOOST_TEST(second != first);
    BOOST_TEST(replaced.out.find("the old one no longer works") != std::string::npos);

    ehdocs::store::SqliteStore store(Poco::Path(data, "ehdocs.db").toString());
    using ehdocs::server::Tokens;
    BOOST_TEST(!store.userByTokenHash(Tokens::sha256Hex(first)));
    auto user = store.userByTokenHash(Tokens::sha256Hex(second));
    BOOST_REQUIRE(user);
    BOOST_TEST(user->role == "coach");
    BOOST_TEST(user->team == "South");
    BOOST_TEST(user->worker == "w1");  // the coach's own caseload: the cases w1 leads
}

BOOST_AUTO_TEST_CASE(a_user_is_linked_to_another_worker_id_and_unlinked_with_an_audit_entry) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string data = dir.path();
    BOOST_REQUIRE_EQUAL(runEhdocs({"user", "add", "amira", "--role", "coach", "--team", "South",
                                   "--worker", "w1", "--data", data})
                            .status,
                        0);
    Run linked = runEhdocs({"user", "worker", "amira", "w3", "--data", data});
    BOOST_REQUIRE_EQUAL(linked.status, 0);
    BOOST_TEST(linked.out.find("is linked to worker w3") != std::string::npos);
    {
        ehdocs::store::SqliteStore store(Poco::Path(data, "ehdocs.db").toString());
        BOOST_TEST(store.userByName("amira")->worker == "w3");
        BOOST_TEST(store.audit({}).back().action == "user_worker");
        BOOST_TEST(store.audit({}).back().detail == "amira: worker w3 (ehdocs user, command line)");
    }
    // Not an id a case file could hold: refused, and the link is kept.
    Run bad = runEhdocs({"user", "worker", "amira", "w 3", "--data", data});
    BOOST_TEST(bad.status == 64);
    BOOST_TEST(bad.err.find("the worker id \"w 3\" must be") != std::string::npos);
    BOOST_TEST(runEhdocs({"user", "worker", "nobody", "w3", "--data", data}).status == 64);
    BOOST_TEST(
        runEhdocs({"user", "add", "tom", "--role", "admin", "--worker", "w/1", "--data", data})
            .status == 64);

    Run unlinked = runEhdocs({"user", "worker", "amira", "--data", data});
    BOOST_REQUIRE_EQUAL(unlinked.status, 0);
    ehdocs::store::SqliteStore store(Poco::Path(data, "ehdocs.db").toString());
    BOOST_TEST(store.userByName("amira")->worker.empty());
    BOOST_TEST(store.audit({}).back().detail == "amira: no worker id (ehdocs user, command line)");
}

BOOST_AUTO_TEST_CASE(a_coach_moves_to_another_team_with_an_audit_entry) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string data = dir.path();
    BOOST_REQUIRE_EQUAL(
        runEhdocs({"user", "add", "amira", "--role", "coach", "--team", "South", "--data", data})
            .status,
        0);
    BOOST_REQUIRE_EQUAL(
        runEhdocs({"user", "add", "sam", "--role", "sf_coordinator", "--data", data}).status, 0);
    Run moved = runEhdocs({"user", "team", "amira", "North Locality", "--data", data});
    BOOST_REQUIRE_EQUAL(moved.status, 0);
    BOOST_TEST(moved.out.find("now works on team North Locality's cases") != std::string::npos);
    // Refused, each leaving the team as it is: no team, a control character, a user whose
    // role has no team, an unknown user.
    BOOST_TEST(runEhdocs({"user", "team", "amira", "", "--data", data}).status == 64);
    BOOST_TEST(runEhdocs({"user", "team", "amira", "North\nSouth", "--data", data}).status == 64);
    BOOST_TEST(runEhdocs({"user", "team", "amira", "--data", data}).status == 64);
    const Run unscoped = runEhdocs({"user", "team", "sam", "North", "--data", data});
    BOOST_TEST(unscoped.status == 64);
    BOOST_TEST(unscoped.err ==
               "ehdocs user: sam is a sf_coordinator, who is not bound to a team\n");
    BOOST_TEST(runEhdocs({"user", "team", "nobody", "North", "--data", data}).status == 64);

    ehdocs::store::SqliteStore store(Poco::Path(data, "ehdocs.db").toString());
    BOOST_TEST(store.userByName("amira")->team == "North Locality");
    BOOST_TEST(store.userByName("sam")->team.empty());
    BOOST_TEST(store.audit({}).back().action == "user_team");
    BOOST_TEST(store.audit({}).back().detail ==
               "amira: team North Locality (was South) (ehdocs user, command line)");
}

BOOST_AUTO_TEST_CASE(unknown_users_and_missing_databases_are_usage_errors) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    Run noDatabase = runEhdocs({"user", "token", "amira", "--data", dir.path()});
    BOOST_TEST(noDatabase.status == 64);
    BOOST_TEST(noDatabase.err.find("there is no database at") != std::string::npos);

    BOOST_REQUIRE_EQUAL(
        runEhdocs({"user", "add", "tom", "--role", "admin", "--data", dir.path()}).status, 0);
    Run unknown = runEhdocs({"user", "token", "amira", "--data", dir.path()});
    BOOST_TEST(unknown.status == 64);
    BOOST_TEST(unknown.err == "ehdocs user: there is no user named amira\n");

    Run taken = runEhdocs({"user", "add", "tom", "--role", "admin", "--data", dir.path()});
    BOOST_TEST(taken.status == 64);
    BOOST_TEST(taken.err == "ehdocs user: there is already a user named tom\n");

    Run wrongVerb = runEhdocs({"user", "remove", "tom"});
    BOOST_TEST(wrongVerb.status == 64);
}

BOOST_AUTO_TEST_SUITE_END()
