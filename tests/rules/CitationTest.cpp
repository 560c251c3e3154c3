// Every `source` a finding can cite names a paragraph or heading that is in that seed
// (closure-rules.md version 2, item 13). The seeds' paragraph ids and headings are kept as data
// in docs/seed-paragraphs.txt; the catalogue's and the built-in profiles' citations must be in it.

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rules/ProfileRegistry.h"
#include "rules/RuleCatalogue.h"

using namespace ehdocs::rules;

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(' ');
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::set<std::string> seedParagraphs() {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/docs/seed-paragraphs.txt");
    std::set<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.insert(line);
    return out;
}

bool startsWithSeed(const std::string& part) {
    return part.size() > 5 && std::isdigit(static_cast<unsigned char>(part[0])) &&
           std::isdigit(static_cast<unsigned char>(part[1])) &&
           std::isdigit(static_cast<unsigned char>(part[2])) && part.compare(3, 2, ": ") == 0;
}

// "000: 19.1; 001: 20.1" -> {"000: 19.1", "001: 20.1"}; "001: 15.1; Performance Framework"
// -> {"001: 15.1", "001: Performance Framework"}; "004: Allocated work, Closing a case" -> two.
std::vector<std::string> citedItems(const std::string& source) {
    std::vector<std::string> items;
    std::string seed;
    std::istringstream parts(source);
    for (std::string part; std::getline(parts, part, ';');) {
        part = trim(part);
        if (startsWithSeed(part)) {
            seed = part.substr(0, 3);
            part = part.substr(5);
        }
        std::istringstream names(part);
        for (std::string name; std::getline(names, name, ',');)
            items.push_back(seed + ": " + trim(name));
    }
    return items;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_seed_list_is_read_and_parsing_splits_citations) {
    std::set<std::string> known = seedParagraphs();
    BOOST_REQUIRE(known.size() > 250u);
    BOOST_TEST(known.count("000: 19.1") == 1u);
    BOOST_TEST(known.count("004: Allocated work") == 1u);
    // Version 1's Tower Hamlets citation names a section 003 does not have (it is 002's 29).
    BOOST_TEST(known.count("003: Early Help Minimum Standards Summary") == 0u);
    BOOST_TEST(known.count("002: Early Help Minimum Standards Summary") == 1u);
    std::vector<std::string> expected = {"001: 15.1", "001: Performance Framework"};
    BOOST_TEST(citedItems("001: 15.1; Performance Framework") == expected,
               boost::test_tools::per_element());
    expected = {"004: Allocated work", "004: Closing a case"};
    BOOST_TEST(citedItems("004: Allocated work, Closing a case") == expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_catalogue_citation_is_in_its_seed) {
    std::set<std::string> known = seedParagraphs();
    for (const RuleInfo& rule : RuleCatalogue::rules())
        for (const std::string& item : citedItems(rule.source))
            BOOST_TEST(known.count(item) == 1u, rule.id << " cites " << item);
}

BOOST_AUTO_TEST_CASE(every_built_in_profile_citation_is_in_its_seed) {
    std::set<std::string> known = seedParagraphs();
    ProfileRegistry registry = ProfileRegistry::builtIn();
    for (const std::string& id : registry.ids())
        for (const RuleInfo& rule : RuleCatalogue::rules())
            for (const std::string& item : citedItems(registry.get(id).source(rule.id)))
                BOOST_TEST(known.count(item) == 1u, id << ": " << rule.id << " cites " << item);
}
