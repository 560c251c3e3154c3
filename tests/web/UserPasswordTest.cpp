// `ehdocs user add --password-stdin` and `ehdocs user password`, run as the real executable.

#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include "Processes.h"
#include "store/SqliteStore.h"
#include "web/Passwords.h"

using ehdocs::test::Run;

namespace {

// `ehdocs ARGS` with `input` on standard input.
Run runEhdocs(const std::vector<std::string>& args, const std::string& input) {
    return ehdocs::test::runEhdocs(args, {input});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(UserPasswordTest)

BOOST_AUTO_TEST_CASE(a_password_from_standard_input_is_stored_as_argon2id_and_can_be_replaced) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string data = dir.path();
    const Run added = runEhdocs({"user", "add", "amira", "--role", "coach", "--team", "South",
                                 "--password-stdin", "--data", data},
                                "first password here\n");
    BOOST_REQUIRE_EQUAL(added.status, 0);
    ehdocs::store::SqliteStore store(Poco::Path(data, "ehdocs.db").toString());
    const std::string first = store.userByName("amira")->passwordHash;
    BOOST_TEST(first.rfind("$argon2id$", 0) == 0);
    BOOST_TEST(ehdocs::web::Passwords::verify(first, "first password here"));

    const Run changed =
        runEhdocs({"user", "password", "amira", "--data", data}, "second password\r\n");
    BOOST_REQUIRE_EQUAL(changed.status, 0);
    BOOST_TEST(changed.out.find("new password set for user amira") != std::string::npos);
    const std::string second = store.userByName("amira")->passwordHash;
    BOOST_TEST(ehdocs::web::Passwords::verify(second, "second password"));
    BOOST_TEST(!ehdocs::web::Passwords::verify(second, "first password here"));
}

BOOST_AUTO_TEST_CASE(a_short_password_or_unknown_user_is_refused_with_the_reason) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string data = dir.path();
    const Run shortOne = runEhdocs(
        {"user", "add", "ben", "--role", "admin", "--password-stdin", "--data", data}, "short\n");
    BOOST_TEST(shortOne.status == 64);
    BOOST_TEST(shortOne.err ==
               "ehdocs user: the password on standard input cannot be used: a password needs at "
               "least 10 characters\n");
    runEhdocs({"user", "add", "ben", "--role", "admin", "--data", data}, "");
    const Run unknown =
        runEhdocs({"user", "password", "nobody", "--data", data}, "long enough password\n");
    BOOST_TEST(unknown.status == 64);
    BOOST_TEST(unknown.err == "ehdocs user: there is no user named nobody\n");
}

BOOST_AUTO_TEST_SUITE_END()
