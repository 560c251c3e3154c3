// docs/rules.md explains exactly the rules the code knows, and docs/profiles.md every key.

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "rules/RuleCatalogue.h"

using namespace ehdocs::rules;

namespace {

std::string readDoc(const std::string& name) {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/docs/" + name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(rules_md_explains_every_rule_and_no_other) {
    std::string doc = readDoc("rules.md");
    BOOST_REQUIRE(!doc.empty());
    // Each `### `id`` heading and the text under it, up to the next heading.
    std::map<std::string, std::string> sections;
    std::regex heading(R"(^#+ (`([a-z_.0-9]+)`)?.*$)");
    std::string current;
    std::istringstream lines(doc);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_match(line, m, heading)) {
            current = line.rfind("### `", 0) == 0 ? std::string(m[2]) : "";
            if (!current.empty()) sections[current];
        } else if (!current.empty()) {
            sections[current] += line + " ";
        }
    }
    std::set<std::string> known;
    for (const RuleInfo& r : RuleCatalogue::rules()) {
        known.insert(r.id);
        auto it = sections.find(r.id);
        BOOST_TEST((it != sections.end()), r.id << " is not explained in docs/rules.md");
        if (it != sections.end())
            BOOST_TEST(it->second.find(r.source) != std::string::npos,
                       r.id << ": docs/rules.md does not cite " << r.source);
    }
    for (const auto& [id, text] : sections)
        BOOST_TEST(known.count(id) == 1u,
                   id << " is in docs/rules.md but the code has no such rule");
}

BOOST_AUTO_TEST_CASE(profiles_md_lists_every_setting) {
    std::string doc = readDoc("profiles.md");
    BOOST_REQUIRE(!doc.empty());
    for (const SettingInfo& s : RuleCatalogue::settings())
        BOOST_TEST(doc.find(std::string("`") + s.key + "`") != std::string::npos,
                   s.key << " is not in docs/profiles.md");
}
