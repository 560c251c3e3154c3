#include "render/TemplateSet.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <fstream>
#include <sstream>

#include "render/EmbeddedFiles.h"
#include "render/RenderErrors.h"

namespace ehdocs::render {
namespace {

bool isTemplateFile(const std::string& name) {
    auto endsWith = [&](const std::string& suffix) {
        return name.size() > suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith(".mustache") || endsWith(".css");
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

TemplateSet TemplateSet::builtIn() {
    static const TemplateSet builtIn = [] {
        TemplateSet set;
        for (const EmbeddedFile& f : embeddedFiles())
            if (isTemplateFile(f.name))
                set._files[f.name] = {std::make_shared<const std::string>(f.data, f.size),
                                      std::string(f.path) + " (built in)"};
        return set;
    }();
    return builtIn;
}

TemplateSet TemplateSet::withOverrides(const std::string& dir) {
    TemplateSet set = builtIn();
    try {
        Poco::File folder(dir);
        if (!folder.exists() || !folder.isDirectory())
            throw TemplateException("template folder '" + dir +
                                    "' does not exist or is not a folder");
        for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
            const std::string name = it.name();
            if (!isTemplateFile(name)) continue;
            // Only the folder's own regular files: a symbolic link could put any file this
            // process can read into a document.
            if (it->isLink())
                throw TemplateException("template '" + it->path() +
                                        "' is a symbolic link; a template folder may hold only "
                                        "regular files (copy the file in instead)");
            if (!it->isFile()) continue;
            std::ifstream in(it->path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            if (!in && !in.eof())
                throw TemplateException("cannot read template '" + it->path() + "'");
            set._files[name] = {std::make_shared<const std::string>(text.str()), it->path(), true};
        }
    } catch (const TemplateException&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw TemplateException("cannot read template folder '" + dir + "': " + e.displayText());
    }
    return set;
}

TemplateSet TemplateSet::withTexts(const std::map<std::string, std::string>& texts,
                                   const std::string& origin) {
    TemplateSet set = builtIn();
    for (const auto& [name, text] : texts)
        set._files[name] = {std::make_shared<const std::string>(text), origin + "/" + name, true};
    return set;
}

const std::string& TemplateSet::source(const std::string& name) const {
    auto it = _files.find(name);
    if (it == _files.end()) throw TemplateException("no template named '" + name + "'");
    return *it->second.text;
}

std::string TemplateSet::origin(const std::string& name) const {
    auto it = _files.find(name);
    return it == _files.end() ? "" : it->second.origin;
}

std::vector<std::string> TemplateSet::names() const {
    std::vector<std::string> out;
    for (const auto& f : _files) out.push_back(f.first);
    return out;
}

std::vector<std::string> TemplateSet::overridden() const {
    std::vector<std::string> out;
    for (const auto& f : _files)
        if (f.second.overridden) out.push_back(f.first);
    return out;
}

std::string TemplateSet::partialFile(const std::string& tagName) {
    std::string name = trim(tagName);
    return name.find('.') == std::string::npos ? name + ".mustache" : name;
}

std::string TemplateSet::expanded(const std::string& name) const {
    std::size_t budget = kMaxExpandedBytes;
    return expand(name, 0, budget);
}

std::string TemplateSet::expand(const std::string& name, int depth, std::size_t& budget) const {
    if (depth > 16)
        throw TemplateException("partials nest more than 16 deep at '" + name +
                                "': do two partials include each other?");
    const std::string& text = source(name);
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (true) {
        size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        size_t close = text.find("}}", open);
        if (close == std::string::npos)
            throw TemplateException("unclosed partial tag in '" + name + "'");
        out.append(text, pos, open - pos);
        std::string partial = partialFile(text.substr(open + 3, close - open - 3));
        if (!has(partial))
            throw TemplateException("'" + name + "' includes the partial '" + partial +
                                    "', which does not exist");
        out += expand(partial, depth + 1, budget);
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    // Partials included many times over (each including others many times) would otherwise
    // grow without bound.
    if (out.size() > budget)
        throw TemplateException("'" + name + "' expands to more than " +
                                std::to_string(kMaxExpandedBytes / (1024 * 1024)) +
                                " MB with its partials: is a partial included too many times?");
    budget -= out.size();
    return out;
}

}  // namespace ehdocs::render
