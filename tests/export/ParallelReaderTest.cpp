// ParallelReader: a batch read on several threads comes back in the batch's order, and a
// reader's failure comes back to the caller.

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "export/ParallelReader.h"

namespace {

using namespace ehdocs;

// A result that says which item it was: one error whose message is the index.
ReadResult numbered(std::size_t i) {
    ReadResult result;
    result.errors.push_back({"", std::to_string(i)});
    return result;
}

BOOST_AUTO_TEST_SUITE(parallel_reader)

BOOST_AUTO_TEST_CASE(results_come_back_in_the_batch_s_order) {
    std::mutex mutex;
    std::set<std::thread::id> threads;
    const ParallelReader reader(4);
    const std::vector<ReadResult> results = reader.read(1000, [&](std::size_t i) {
        const std::lock_guard<std::mutex> lock(mutex);
        threads.insert(std::this_thread::get_id());
        return numbered(i);
    });
    BOOST_TEST_REQUIRE(results.size() == 1000u);
    for (std::size_t i = 0; i < results.size(); ++i)
        BOOST_TEST(results[i].errors.at(0).message == std::to_string(i));
    BOOST_TEST(threads.size() <= 4u);
    BOOST_TEST(reader.read(0, numbered).empty());
}

BOOST_AUTO_TEST_CASE(a_reader_s_exception_is_rethrown_after_every_thread_stopped) {
    std::atomic<int> running{0};
    const ParallelReader reader(3);
    BOOST_CHECK_EXCEPTION(reader.read(500,
                                      [&](std::size_t i) {
                                          ++running;
                                          if (i == 7) {
                                              --running;
                                              throw std::runtime_error("item 7 is unreadable");
                                          }
                                          --running;
                                          return numbered(i);
                                      }),
                          std::runtime_error, [](const std::runtime_error& e) {
                              return std::string(e.what()) == "item 7 is unreadable";
                          });
    BOOST_TEST(running == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
