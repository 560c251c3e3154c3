// The test support's way of running programs (tests/support/Processes.h), which every test
// of the command line relies on: exit statuses and signals, input, both outputs at once, and
// the time limit that turns a hang into a failure rather than a stalled suite.

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "Processes.h"

using ehdocs::test::run;
using ehdocs::test::RunOptions;

BOOST_AUTO_TEST_SUITE(test_processes)

BOOST_AUTO_TEST_CASE(exit_statuses_and_signals_are_told_apart) {
    BOOST_TEST(run("/bin/sh", {"-c", "exit 3"}).status == 3);
    BOOST_TEST(run("/bin/sh", {"-c", "kill -TERM $$"}).status == 256 + 15);
}

BOOST_AUTO_TEST_CASE(input_goes_in_and_both_outputs_come_back_however_long) {
    RunOptions options;
    options.input = "a line of input\n";
    options.environment = {{"EHDOCS_TEST_WORD", "hello"}};
    const auto echoed = run("/bin/sh", {"-c", "cat; echo \"$EHDOCS_TEST_WORD\" >&2"}, options);
    BOOST_TEST(echoed.out == "a line of input\n");
    BOOST_TEST(echoed.err == "hello\n");
    // More than a pipe holds on each output, written to stderr first: read one after the
    // other, this would block.
    RunOptions bounded;
    bounded.limit = std::chrono::seconds(20);  // a deadlock fails (-1) rather than hangs
    const auto chatty =
        run("/bin/sh", {"-c", "head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero"}, bounded);
    BOOST_TEST(chatty.status == 0);
    BOOST_TEST(chatty.out.size() == 300000u);
    BOOST_TEST(chatty.err.size() == 300000u);
}

BOOST_AUTO_TEST_CASE(a_program_outliving_its_limit_is_killed_and_says_so) {
    RunOptions options;
    options.limit = std::chrono::milliseconds(200);
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(run("/bin/sleep", {"30"}, options).status == -1);
    const bool promptly = std::chrono::steady_clock::now() - started < std::chrono::seconds(10);
    BOOST_TEST(promptly);
}

BOOST_AUTO_TEST_SUITE_END()
