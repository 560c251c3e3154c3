#include "web/PageTemplates.h"

#include <kainjow/mustache.hpp>

#include "render/RenderErrors.h"
#include "web/EmbeddedPages.h"

namespace ehdocs::web {

namespace {

using Data = kainjow::mustache::data;

// An empty string is false, so that `{{#name}}...{{/name}}` shows only what was recorded.
Data toData(const render::View& view) {
    switch (view.kind()) {
        case render::View::Kind::String:
            if (view.text().empty()) return Data(false);
            return Data(view.text());
        case render::View::Kind::Bool:
            return Data(view.flag());
        case render::View::Kind::List: {
            kainjow::mustache::list items;
            for (const render::View& item : view.items()) items.push_back(toData(item));
            return Data(items);
        }
        case render::View::Kind::Object:
            break;
    }
    Data object;
    for (const auto& [name, value] : view.fields()) object[name] = toData(value);
    return object;
}

std::string stem(const std::string& file) {
    const auto dot = file.rfind(".mustache");
    return dot == std::string::npos ? file : file.substr(0, dot);
}

// Replaces every `{{> name}}` with the partial's text (recursively, to a small depth).
std::string expand(const std::map<std::string, std::string>& raw, const std::string& name,
                   int depth) {
    if (depth > 8)
        throw render::TemplateException("web template partials nest too deeply at " + name);
    auto found = raw.find(name);
    if (found == raw.end()) throw render::TemplateException("there is no web template " + name);
    std::string text = found->second, out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        const std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string partial = text.substr(open + 3, close - open - 3);
        partial.erase(0, partial.find_first_not_of(' '));
        partial.erase(partial.find_last_not_of(' ') + 1);
        out += text.substr(pos, open - pos) + expand(raw, partial, depth + 1);
        pos = close + 2;
    }
    return out + text.substr(pos);
}

}  // namespace

PageTemplates PageTemplates::builtIn() {
    std::map<std::string, std::string> raw;
    for (const EmbeddedFile& file : embeddedFiles()) {
        raw[stem(file.name)] = std::string(file.data, file.size);
    }
    PageTemplates templates;
    for (const auto& [name, text] : raw) templates._pages[name] = expand(raw, name, 0);
    return templates;
}

std::string PageTemplates::fill(const std::string& name, const render::View& view) const {
    auto found = _pages.find(name);
    if (found == _pages.end()) throw render::TemplateException("there is no web page " + name);
    kainjow::mustache::mustache page(found->second);
    if (!page.is_valid()) {
        throw render::TemplateException("web/" + name + ".mustache: " + page.error_message());
    }
    return page.render(toData(view));
}

std::string PageTemplates::render(const std::string& page, const render::View& view,
                                  const render::View& layout) const {
    render::View filled = layout;
    filled.set("content", fill(page, view));
    return fill("layout", filled);
}

}  // namespace ehdocs::web
