#include "CaseFixture.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "case/CaseReader.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"

namespace ehdocs::test {
namespace {

using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Poco::Dynamic::Var parseValue(const std::string& json) {
    return Poco::JSON::Parser().parse("[" + json + "]").extract<ArrayPtr>()->get(0);
}

struct Step {
    std::string key;  // object key, or "" for an array index
    int index = -1;   // -2 = append
};

std::vector<Step> parsePath(const std::string& path) {
    std::vector<Step> steps;
    size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            size_t close = path.find(']', i);
            std::string inner = path.substr(i + 1, close - i - 1);
            steps.push_back({"", inner == "+" ? -2 : std::stoi(inner)});
            i = close + 1;
        } else {
            size_t end = path.find_first_of(".[", i);
            if (end == std::string::npos) end = path.size();
            steps.push_back({path.substr(i, end - i), -1});
            i = end;
        }
    }
    return steps;
}

}  // namespace

ObjectPtr loadExample(const std::string& name) {
    std::string path = std::string(EHDOCS_SOURCE_DIR) + "/examples/" + name;
    return Poco::JSON::Parser().parse(readFile(path)).extract<ObjectPtr>();
}

void mutate(ObjectPtr root, const std::string& path, const std::string& json) {
    std::vector<Step> steps = parsePath(path);
    Poco::Dynamic::Var current = root;
    for (size_t n = 0; n + 1 < steps.size(); ++n) {
        const Step& s = steps[n];
        if (!s.key.empty()) {
            ObjectPtr o = current.extract<ObjectPtr>();
            if (!o->has(s.key))
                o->set(s.key, steps[n + 1].key.empty()
                                  ? Poco::Dynamic::Var(ArrayPtr(new Poco::JSON::Array))
                                  : Poco::Dynamic::Var(ObjectPtr(new Poco::JSON::Object)));
            current = o->get(s.key);
        } else {
            current = current.extract<ArrayPtr>()->get(s.index);
        }
    }
    const Step& last = steps.back();
    if (!last.key.empty()) {
        ObjectPtr o = current.extract<ObjectPtr>();
        if (json == "-")
            o->remove(last.key);
        else
            o->set(last.key, parseValue(json));
        return;
    }
    ArrayPtr a = current.extract<ArrayPtr>();
    if (last.index == -2)
        a->add(parseValue(json));
    else if (json == "-")
        a->remove(last.index);
    else
        a->set(last.index, parseValue(json));
}

Case readCase(const ObjectPtr& root) {
    std::ostringstream text;
    root->stringify(text);
    ReadResult result = CaseReader::fromJson(text.str());
    std::string errors;
    for (const ValidationError& e : result.errors) errors += e.text() + "\n";
    BOOST_REQUIRE_MESSAGE(result.ok(), "the mutated case is not valid:\n" + errors);
    return *result.kase;
}

std::ostream& operator<<(std::ostream& out, const RuleRow& row) {
    return out << row.rule << " / " << row.name << " ("
               << (row.profile.empty() ? row.example : row.profile) << ")";
}

rules::CheckReport runRow(const RuleRow& row) {
    static const rules::ProfileRegistry registry = rules::ProfileRegistry::builtIn();
    ObjectPtr json = loadExample(row.example == "bennett" ? "bennett-disengaged.json"
                                                          : "okafor-ready-to-close.json");
    for (const auto& [path, value] : row.mutations) mutate(json, path, value);
    Case kase = readCase(json);
    std::string profile = row.profile.empty() ? kase.profile : row.profile;
    Date asOf = *Date::parse(row.asOf.empty() ? "2026-12-31" : row.asOf);
    return rules::checkClosure(kase, registry.get(profile), asOf);
}

std::pair<std::string, std::string> placeOf(const rules::CheckReport& report,
                                            const std::string& rule) {
    for (const rules::Finding& f : report.blocking)
        if (f.rule == rule) return {"blocking", f.message};
    for (const rules::Finding& f : report.warnings)
        if (f.rule == rule) return {"warnings", f.message};
    for (const std::string& id : report.passed)
        if (id == rule) return {"passed", ""};
    for (const rules::NotApplied& n : report.notApplied)
        if (n.rule == rule) return {"not_applied", n.reason};
    return {"absent", ""};
}

}  // namespace ehdocs::test
