#include "render/TemplateLint.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <tuple>

#include "case/CaseReader.h"
#include "render/EmbeddedFiles.h"
#include "render/RenderErrors.h"
#include "render/ViewModel.h"

namespace ehdocs::render {
namespace {

// The shape of a view: which names exist at each level. Lists merge all their items.
struct Schema {
    std::map<std::string, Schema, std::less<>> fields;  // std::less<>: found by string_view
    std::unique_ptr<Schema> item;                       // for lists
    bool isObject = false, isList = false;

    Schema() = default;
    Schema(const Schema& other)
        : fields(other.fields), isObject(other.isObject), isList(other.isList) {
        if (other.item) item = std::make_unique<Schema>(*other.item);
    }

    void merge(const View& view) {
        if (view.isObject()) {
            isObject = true;
            for (const auto& field : view.fields()) fields[field.first].merge(field.second);
        } else if (view.isList()) {
            isList = true;
            if (!item) item = std::make_unique<Schema>();
            for (const View& v : view.items()) item->merge(v);
        }
    }
};

Case sampleCase() {
    for (const EmbeddedFile& f : embeddedFiles())
        if (std::string(f.name) == "lint-sample.json") {
            ReadResult read = CaseReader::fromJson(std::string(f.data, f.size));
            if (!read.ok())
                throw TemplateException("the built-in lint sample case is not valid: " +
                                        read.errors.front().text());
            return *read.kase;
        }
    throw TemplateException("the built-in lint sample case is missing");
}

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

class Linter {
public:
    Linter(const TemplateSet& templates, const std::string& type, const Schema& root,
           std::vector<LintFinding>& findings)
        : _templates(templates), _type(type), _findings(findings) {
        _stack.push_back(&root);
    }

    void lintFile(const std::string& name, int depth) {
        const std::string origin = _templates.origin(name);
        // A partial already being read includes itself: reading it again would repeat the
        // whole subtree (exponentially, when it includes itself more than once).
        if (depth > 16 || std::find(_files.begin(), _files.end(), name) != _files.end())
            return report(origin, 1, "partials include each other ('" + name + "')");
        if (++_visits > kMaxVisits)
            return report(
                origin, 1,
                "partials are included more than " + std::to_string(kMaxVisits) + " times");
        _files.push_back(name);
        lintText(name, origin, depth);
        _files.pop_back();
    }

private:
    static constexpr std::size_t kMaxVisits = 10000;

    void lintText(const std::string& name, const std::string& origin, int depth) {
        const std::string& text = _templates.source(name);
        std::vector<std::pair<std::string, int>> open;  // sections opened in this file
        size_t base = _stack.size();
        size_t pos = 0;
        int line = 1;
        while (true) {
            size_t start = text.find("{{", pos);
            if (start == std::string::npos) break;
            line += countLines(text, pos, start);
            bool triple = text.compare(start, 3, "{{{") == 0;
            size_t close = text.find(triple ? "}}}" : "}}", start);
            if (close == std::string::npos) {
                report(origin, line, "a tag is not closed");
                break;
            }
            // Views into the text: a template has hundreds of tags, each read without a copy.
            const std::string_view tag = std::string_view(text).substr(
                start + (triple ? 3 : 2), close - start - (triple ? 3 : 2));
            int tagLine = line;
            line += countLines(text, start, close);
            pos = close + (triple ? 3 : 2);
            char sigil = tag.empty() ? ' ' : tag[0];
            const std::string_view tagName =
                trim(triple ? tag
                     : sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' ||
                             sigil == '>' || sigil == '&' || sigil == '='
                         ? tag.substr(1)
                         : tag);
            if (triple) sigil = '&';
            switch (sigil) {
                case '!':
                    break;
                case '=':
                    report(origin, tagLine, "set-delimiter tags are not supported");
                    break;
                case '>': {
                    std::string partial = TemplateSet::partialFile(std::string(tagName));
                    if (!_templates.has(partial))
                        report(origin, tagLine, "the partial '" + partial + "' does not exist");
                    else if (partial.size() < 4 ||
                             partial.compare(partial.size() - 4, 4, ".css") != 0)
                        lintFile(partial, depth + 1);
                    break;
                }
                case '#':
                case '^': {
                    const Schema* found = resolve(tagName);
                    if (!found)
                        report(origin, tagLine, "unknown name '" + std::string(tagName) + "'");
                    const Schema* pushed = nullptr;
                    if (found && sigil == '#')
                        pushed = found->isList     ? found->item.get()
                                 : found->isObject ? found
                                                   : nullptr;
                    _stack.push_back(pushed);
                    open.push_back({std::string(tagName), tagLine});
                    break;
                }
                case '/':
                    if (open.empty() || open.back().first != tagName) {
                        report(origin, tagLine,
                               "'{{/" + std::string(tagName) +
                                   "}}' closes a section that is not open");
                    } else {
                        open.pop_back();
                        _stack.pop_back();
                    }
                    break;
                default:
                    if (!resolve(tagName))
                        report(origin, tagLine, "unknown name '" + std::string(tagName) + "'");
            }
        }
        for (const auto& section : open)
            report(origin, section.second, "the section '" + section.first + "' is not closed");
        _stack.resize(base);
    }

    static int countLines(const std::string& text, size_t from, size_t to) {
        to = std::min(to, text.size());
        int n = 0;
        for (const char *at = text.data() + from, *end = text.data() + to;
             at < end && (at = static_cast<const char*>(std::memchr(at, '\n', end - at))); ++at) {
            ++n;
        }
        return n;
    }

    const Schema* resolve(std::string_view name) const {
        if (name == ".") return &_dot;
        const std::string_view head = name.substr(0, name.find('.'));
        const Schema* found = nullptr;
        for (auto it = _stack.rbegin(); it != _stack.rend() && !found; ++it) {
            if (!*it) continue;
            auto f = (*it)->fields.find(head);
            if (f != (*it)->fields.end()) found = &f->second;
        }
        size_t pos = name.find('.');
        while (found && pos != std::string_view::npos) {
            size_t next = name.find('.', pos + 1);
            const std::string_view part = name.substr(
                pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
            auto f = found->fields.find(part);
            found = f == found->fields.end() ? nullptr : &f->second;
            pos = next;
        }
        return found;
    }

    void report(const std::string& file, int line, const std::string& message) {
        _findings.push_back({file, line, _type, message});
    }

    const TemplateSet& _templates;
    std::string _type;
    std::vector<LintFinding>& _findings;
    std::vector<const Schema*> _stack;  // null: a section over a plain value
    std::vector<std::string> _files;    // the partials being read, outermost first
    std::size_t _visits = 0;            // files read so far
    Schema _dot;
};

}  // namespace

std::string LintFinding::text() const {
    return file + ":" + std::to_string(line) + ": " + message + " (" + documentType + ")";
}

namespace {

// A closure check's report with one item in every list, so a readiness view shows every name
// it can provide (lint reads names, not findings).
rules::CheckReport sampleReport(const Case& sample) {
    rules::CheckReport r;
    r.caseId = sample.caseId;
    r.profile = "standard";
    r.profileName = "Standard Early Help practice";
    r.asOf = r.measuredTo = Date::fromYmd(2026, 6, 26);
    r.blocking.push_back({"closure.reason", rules::Severity::Block, "message", "000: 16.2"});
    r.warnings.push_back({"time.first_visit", rules::Severity::Warn, "message", "000: 12.1"});
    r.warnings.push_back({"assessment.shared", rules::Severity::Warn, "message", "000: 10.4"});
    r.passed.push_back("consent.recorded");
    r.notApplied.push_back({"summary.transfer", "no such transfer"});
    r.due.push_back({"time.review_interval", Date::fromYmd(2026, 8, 4), "review TAF meeting"});
    return r;
}

// The names the type's view model provides for the sample case (every meeting, for
// per-meeting types).
Schema schemaOf(const Case& sample, const DocumentType& type) {
    const rules::CheckReport report = sampleReport(sample);
    CaseView caseView(sample, Date::fromYmd(2026, 6, 26), &report);
    Schema root;
    if (type.needsMeeting) {
        for (const Meeting& m : sample.meetings) {
            View view = commonView(caseView, type, LetterSettings{});
            type.buildView(caseView, &m, view);
            root.merge(view);
        }
    } else {
        View view = commonView(caseView, type, LetterSettings{});
        type.buildView(caseView, nullptr, view);
        root.merge(view);
    }
    return root;
}

void collect(const Schema& schema, const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& [name, child] : schema.fields) {
        std::string path = prefix.empty() ? name : prefix + "." + name;
        out.push_back(path);
        if (child.isObject) collect(child, path, out);
        if (child.item) collect(*child.item, path, out);
    }
}

}  // namespace

std::vector<std::string> viewModelNames(const DocumentType& type) {
    std::vector<std::string> out;
    collect(schemaOf(sampleCase(), type), "", out);
    return out;
}

struct TemplateLinter::Schemas {
    std::vector<std::pair<DocumentType, Schema>> byType;
};

TemplateLinter::TemplateLinter(const DocumentTypes& types) {
    const Case sample = sampleCase();
    auto schemas = std::make_shared<Schemas>();
    for (const DocumentType& type : types.all())
        schemas->byType.emplace_back(type, schemaOf(sample, type));
    _schemas = std::move(schemas);
}

std::vector<LintFinding> TemplateLinter::lint(const TemplateSet& templates) const {
    std::vector<LintFinding> all;
    for (const auto& [type, root] : _schemas->byType) {
        if (!templates.has(type.templateName)) {
            all.push_back({type.templateName, 0, type.id, "the template does not exist"});
            continue;
        }
        Linter linter(templates, type.id, root, all);
        linter.lintFile(type.templateName, 0);
    }
    // One finding per file, line and message, naming the first type that showed it.
    std::vector<LintFinding> unique;
    std::set<std::tuple<std::string, int, std::string>> seen;
    for (LintFinding& f : all)
        if (seen.insert({f.file, f.line, f.message}).second) unique.push_back(std::move(f));
    return unique;
}

std::vector<LintFinding> lintTemplates(const TemplateSet& templates, const DocumentTypes& types) {
    return TemplateLinter(types).lint(templates);
}

}  // namespace ehdocs::render
