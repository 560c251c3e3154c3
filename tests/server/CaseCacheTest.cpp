// The case cache (server/CaseCache.h): least recently used cases leave first once the cache
// holds more bytes than its bound; one version per case, the newest; reports go with their
// version.

#include <boost/test/unit_test.hpp>

#include "server/CaseCache.h"

using ehdocs::Case;
using ehdocs::server::CaseCache;
using ehdocs::server::ReadinessReport;

namespace {

std::shared_ptr<const Case> aCase(const std::string& id) {
    auto kase = std::make_shared<Case>();
    kase->caseId = id;
    return kase;
}

ReadinessReport report(std::size_t bytes) {
    return ReadinessReport{true, std::string(bytes, 'r')};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_cache)

BOOST_AUTO_TEST_CASE(the_least_recently_used_case_leaves_first) {
    CaseCache cache(300);
    cache.put("a", 1, aCase("a"), 100);
    cache.put("b", 1, aCase("b"), 100);
    cache.put("c", 1, aCase("c"), 100);
    BOOST_TEST(cache.bytes() == 300u);
    BOOST_TEST(cache.find("a", 1));  // a is now the most recently used
    cache.put("d", 1, aCase("d"), 100);
    BOOST_TEST(cache.cases() == 3u);
    BOOST_TEST(cache.bytes() == 300u);
    BOOST_TEST(!cache.find("b", 1));
    BOOST_TEST(cache.find("a", 1)->caseId == "a");
    BOOST_TEST(cache.find("c", 1));
    BOOST_TEST(cache.find("d", 1));
}

BOOST_AUTO_TEST_CASE(one_version_per_case_the_newest) {
    CaseCache cache(1000);
    cache.put("a", 2, aCase("a"), 100);
    cache.put("a", 1, aCase("a"), 50);  // older: ignored
    BOOST_TEST(!cache.find("a", 1));
    BOOST_TEST(cache.find("a", 2));
    cache.putReport("a", 2, "2026-07-01", report(40));
    cache.put("a", 3, aCase("a"), 120);
    BOOST_TEST(!cache.find("a", 2));
    BOOST_TEST(!cache.report("a", 3, "2026-07-01"));  // reports went with version 2
    BOOST_TEST(cache.bytes() == 120u);
}

BOOST_AUTO_TEST_CASE(reports_count_towards_the_bound_and_follow_their_version) {
    CaseCache cache(400);
    cache.put("a", 1, aCase("a"), 100);
    cache.put("b", 1, aCase("b"), 100);
    cache.putReport("a", 2, "2026-07-01", report(10));  // not the version held
    BOOST_TEST(!cache.report("a", 2, "2026-07-01"));
    cache.putReport("b", 1, "2026-07-01", report(90));
    BOOST_TEST(cache.report("b", 1, "2026-07-01")->json.size() == 90u);
    BOOST_TEST(cache.bytes() == 300u);                   // 100 + 100 + 10 (the date) + 90
    cache.putReport("b", 1, "2026-07-02", report(150));  // over 400: a, least recent, leaves
    BOOST_TEST(!cache.find("a", 1));
    BOOST_TEST(cache.bytes() == 360u);
}

BOOST_AUTO_TEST_CASE(a_case_larger_than_the_bound_is_not_kept) {
    CaseCache cache(100);
    cache.put("a", 1, aCase("a"), 60);
    cache.put("big", 1, aCase("big"), 101);
    BOOST_TEST(!cache.find("big", 1));
    BOOST_TEST(cache.find("a", 1));
    BOOST_TEST(cache.bytes() == 60u);
    CaseCache none(0);
    none.put("a", 1, aCase("a"), 1);
    BOOST_TEST(none.cases() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
