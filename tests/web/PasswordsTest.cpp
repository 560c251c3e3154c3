#include <boost/test/unit_test.hpp>

#include "web/Passwords.h"

using ehdocs::web::Passwords;

BOOST_AUTO_TEST_SUITE(PasswordsTest)

BOOST_AUTO_TEST_CASE(an_argon2id_hash_verifies_its_password_only) {
    const std::string hash = Passwords::hash("a long enough password");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0);
    BOOST_TEST(Passwords::verify(hash, "a long enough password"));
    BOOST_TEST(!Passwords::verify(hash, "a long enough passworD"));
    BOOST_TEST(!Passwords::verify(hash, ""));
}

BOOST_AUTO_TEST_CASE(the_same_password_hashes_differently_each_time) {
    BOOST_TEST(Passwords::hash("a long enough password") !=
               Passwords::hash("a long enough password"));
}

BOOST_AUTO_TEST_CASE(an_empty_or_malformed_hash_never_verifies) {
    BOOST_TEST(!Passwords::verify("", "anything at all"));
    BOOST_TEST(!Passwords::verify("$argon2id$v=19$nonsense", "anything at all"));
}

BOOST_AUTO_TEST_CASE(weak_passwords_are_refused_with_the_reason) {
    BOOST_TEST(Passwords::weakness("short") == "a password needs at least 10 characters");
    BOOST_TEST(Passwords::weakness("            ") == "a password cannot be only spaces");
    BOOST_TEST(Passwords::weakness(std::string(300, 'x')) ==
               "a password has at most 256 characters");
    BOOST_TEST(Passwords::weakness("ten chars!") == "");
    BOOST_CHECK_EXCEPTION(
        Passwords::hash("short"), ehdocs::web::PasswordException,
        [](const auto& e) { return e.message() == "a password needs at least 10 characters"; });
}

BOOST_AUTO_TEST_CASE(random_hex_is_random_and_of_the_length_asked) {
    const std::string a = Passwords::randomHex(32), b = Passwords::randomHex(32);
    BOOST_TEST(a.size() == 64u);
    BOOST_TEST(a != b);
    BOOST_TEST(a.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
