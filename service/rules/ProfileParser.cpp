#include "rules/ProfileParser.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "rules/RuleCatalogue.h"
#include "rules/RulesException.h"

namespace ehdocs::rules {
namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// Levenshtein distance, to suggest the key a typo meant; `bound` or more once a whole row of
// the table reaches it (only near keys are suggested, so the rest need not be measured).
size_t distance(const std::string& a, const std::string& b, size_t bound) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = row[0];
        row[0] = i;
        size_t rowMin = row[0];
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cur = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] != b[j - 1] ? 1u : 0u)});
            rowMin = std::min(rowMin, row[j]);
            prev = cur;
        }
        if (rowMin >= bound) return bound;
    }
    return row[b.size()];
}

std::string suggestion(const std::string& key) {
    std::string best;
    size_t bestDistance = 4;
    auto consider = [&](const std::string& candidate) {
        // The lengths' difference is a lower bound of the distance: a key far longer than
        // any candidate (a pasted line, a fuzzer's input) costs nothing.
        const size_t gap = key.size() > candidate.size() ? key.size() - candidate.size()
                                                         : candidate.size() - key.size();
        if (gap >= bestDistance) return;
        size_t d = distance(key, candidate, bestDistance);
        if (d < bestDistance) bestDistance = d, best = candidate;
    };
    consider("name");
    consider("letters.usual_duration");
    for (const RuleInfo& r : RuleCatalogue::rules()) {
        consider(r.id);
        consider(std::string(r.id) + ".source");
    }
    for (const SettingInfo& s : RuleCatalogue::settings()) consider(s.key);
    return best.empty() ? "" : " (did you mean `" + best + "`?)";
}

class Parser {
public:
    Parser(const std::string& fileName, const std::string& id, const Profile* base)
        : _fileName(fileName) {
        if (base) _profile = *base;
        _profile.id = id;
        _profile.name = base ? id : "";
    }

    Profile run(const std::string& text) {
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line)) {
            ++_line;
            parseLine(line);
        }
        if (!_hasBase) checkComplete();
        if (_profile.name.empty()) _profile.name = _profile.id;
        return _profile;
    }

    void setHasBase(bool hasBase) { _hasBase = hasBase; }

private:
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        std::string where = _fileName + ":" + std::to_string(_line);
        throw ProfileException(where + ": " + (key.empty() ? "" : "`" + key + "`: ") + problem);
    }

    void parseLine(const std::string& raw) {
        std::string line = trim(raw);
        if (line.empty() || line[0] == '#') return;
        size_t comment = line.find(" #");
        if (comment != std::string::npos) line = trim(line.substr(0, comment));
        size_t eq = line.find('=');
        if (eq == std::string::npos)
            fail("", "\"" + line + "\" is not a setting; write `key = value` (# starts a comment)");
        std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
        if (key.empty()) fail("", "the line has no key before `=`");
        if (!_seen.insert(key).second) fail(key, "is set twice; keep one line");
        if (value.empty()) fail(key, "has no value");

        if (key == "name") {
            _profile.name = value;
        } else if (key == "letters.usual_duration") {
            _profile.usualDuration = value;
        } else if (const RuleInfo* rule = RuleCatalogue::find(key)) {
            setSeverity(*rule, value);
        } else if (const SettingInfo* setting = RuleCatalogue::findSetting(key)) {
            setSetting(*setting, value);
        } else if (key.size() > 7 && key.compare(key.size() - 7, 7, ".source") == 0 &&
                   RuleCatalogue::find(key.substr(0, key.size() - 7))) {
            _profile.sources[key.substr(0, key.size() - 7)] = value;
        } else {
            fail(key, "is not a rule id or a setting" + suggestion(key) +
                          "; docs/profiles.md lists every key");
        }
    }

    void setSeverity(const RuleInfo& rule, const std::string& value) {
        std::optional<Severity> severity = parseSeverity(value);
        bool isTime = rule.kind == RuleInfo::Kind::Time;
        if (!severity || (isTime && *severity == Severity::Block)) {
            if (isTime)
                fail(rule.id, "\"" + value +
                                  "\" is not allowed; timeliness rules are reported as warnings: "
                                  "allowed values are warn or off");
            fail(rule.id, "\"" + value +
                              "\" is not a severity; allowed values are block, warn "
                              "or off");
        }
        _profile.severities[rule.id] = *severity;
    }

    void setSetting(const SettingInfo& setting, const std::string& value) {
        SettingValue v;
        v.text = value;
        auto bad = [&]() {
            fail(setting.key, "\"" + value + "\" is not allowed; write " + setting.allowed);
        };
        switch (setting.type) {
            case SettingInfo::Type::Limit:
            case SettingInfo::Type::LimitOrOff:
                if (setting.type == SettingInfo::Type::LimitOrOff && value == "off") break;
                v.limit = Limit::parse(value);
                if (!v.limit) bad();
                break;
            case SettingInfo::Type::YesNo:
                if (value != "yes" && value != "no") bad();
                v.yes = value == "yes";
                break;
            case SettingInfo::Type::Count: {
                if (value.empty() || value.size() > 4 ||
                    value.find_first_not_of("0123456789") != std::string::npos)
                    bad();
                v.number = std::stol(value);
                if (v.number < setting.minimum || v.number > setting.maximum) bad();
                break;
            }
            case SettingInfo::Type::List:
            case SettingInfo::Type::RuleList:
                v.list = parseList(setting, value);
                break;
            case SettingInfo::Type::Choice: {
                std::string allowed = setting.allowed;  // "a or b"
                size_t sep = allowed.find(" or ");
                if (value != allowed.substr(0, sep) && value != allowed.substr(sep + 4)) bad();
                v.choice = value;
                break;
            }
        }
        _profile.settings[setting.key] = v;
    }

    // "a, b, c" (or `none`): each value known, none twice.
    std::vector<std::string> parseList(const SettingInfo& setting, const std::string& value) {
        std::vector<std::string> out;
        if (value == "none") {
            if (setting.minimum > 0)
                fail(setting.key, std::string("may not be none; write ") + setting.allowed);
            return out;
        }
        std::istringstream in(value);
        std::string item;
        while (std::getline(in, item, ',')) {
            item = trim(item);
            bool known = setting.type == SettingInfo::Type::RuleList
                             ? RuleCatalogue::find(item) != nullptr
                             : std::find(setting.values->begin(), setting.values->end(), item) !=
                                   setting.values->end();
            if (item.empty() || !known) {
                std::string what = setting.type == SettingInfo::Type::RuleList
                                       ? "is not a rule id" + suggestion(item)
                                       : "is not allowed here; allowed: " + joined(*setting.values);
                fail(setting.key, "\"" + item + "\" " + what);
            }
            if (std::find(out.begin(), out.end(), item) != out.end())
                fail(setting.key, "\"" + item + "\" is listed twice");
            out.push_back(item);
        }
        return out;
    }

    static std::string joined(const std::vector<std::string>& values) {
        std::string out;
        for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
        return out;
    }

    void checkComplete() const {
        for (const RuleInfo& r : RuleCatalogue::rules())
            if (!_profile.severities.count(r.id))
                throw ProfileException(_fileName + ": `" + r.id +
                                       "` is not set; the standard profile must set every rule "
                                       "(block, warn or off)");
        for (const SettingInfo& s : RuleCatalogue::settings())
            if (!_profile.settings.count(s.key))
                throw ProfileException(_fileName + ": `" + s.key +
                                       "` is not set; the standard profile must set every "
                                       "setting (" +
                                       s.allowed + ")");
    }

    std::string _fileName;
    Profile _profile;
    std::set<std::string> _seen;
    int _line = 0;
    bool _hasBase = false;
};

}  // namespace

Profile ProfileParser::parse(const std::string& text, const std::string& fileName,
                             const std::string& id, const Profile* base) {
    Parser parser(fileName, id, base);
    parser.setHasBase(base != nullptr);
    return parser.run(text);
}

}  // namespace ehdocs::rules
