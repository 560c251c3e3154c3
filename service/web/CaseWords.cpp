#include "web/CaseWords.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>

#include "render/Labels.h"

namespace ehdocs::web {

namespace {

// Field names whose label is not just the name in sentence case.
const std::pair<const char*, const char*> kFieldWords[] = {
    {"dob", "date of birth"},
    {"members", "member"},
    {"workers", "worker"},
    {"contacts", "case note"},
    {"plans", "plan"},
    {"meetings", "meeting"},
    {"chronology", "event"},
    {"supervision", "supervision note"},
    {"case_id", "case reference"},
    {"lead_worker", "lead worker"},
    {"goals", "goal"},
    {"actions", "action"},
    {"documents", "issued document"},
    {"reasons", "reason"},
    {"correspondence", "letter or email"},
};

std::string fieldWords(const std::string& field) {
    for (const auto& [name, words] : kFieldWords) {
        if (field == name) return words;
    }
    std::string label = render::label(field);
    if (!label.empty())
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
}

void addFindings(const Poco::JSON::Array::Ptr& findings, std::vector<std::string>& lines) {
    for (std::size_t i = 0; findings && i < findings->size(); ++i) {
        Poco::JSON::Object::Ptr f = findings->getObject(static_cast<unsigned>(i));
        if (f)
            lines.push_back(f->optValue<std::string>("message", "") + " (" +
                            f->optValue<std::string>("rule", "") + ")");
    }
}

}  // namespace

std::string pathInWords(const std::string& path) {
    if (path.empty()) return "The file as a whole";
    std::vector<std::string> parts;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) parts.push_back(fieldWords(word));
        word.clear();
    };
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '.') {
            flush();
        } else if (c == '[') {
            flush();
            const std::size_t close = path.find(']', i);
            int index = 0;
            if (close != std::string::npos &&
                Poco::NumberParser::tryParse(path.substr(i + 1, close - i - 1), index)) {
                if (!parts.empty()) parts.back() += " " + std::to_string(index + 1);
                i = close;
            }
        } else {
            word += c;
        }
    }
    flush();
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::vector<std::string> detailLines(const Poco::Dynamic::Var& details) {
    std::vector<std::string> lines;
    if (details.isEmpty()) return lines;
    if (details.type() == typeid(Poco::JSON::Array::Ptr)) {
        Poco::JSON::Array::Ptr errors = details.extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < errors->size(); ++i) {
            Poco::JSON::Object::Ptr e = errors->getObject(static_cast<unsigned>(i));
            if (!e) continue;
            lines.push_back(pathInWords(e->optValue<std::string>("path", "")) + ": " +
                            e->optValue<std::string>("message", ""));
        }
    } else if (details.type() == typeid(Poco::JSON::Object::Ptr)) {
        Poco::JSON::Object::Ptr report = details.extract<Poco::JSON::Object::Ptr>();
        if (report->has("blocking")) addFindings(report->getArray("blocking"), lines);
        if (report->has("errors")) return detailLines(report->get("errors"));
    }
    return lines;
}

}  // namespace ehdocs::web
