#pragma once

// The web app's pages: Mustache templates from web/ (layout.mustache, one template per page,
// partials included with `{{> name}}`), compiled into the binary. A page is its template
// filled from a view model (render::View) and placed in the layout as `{{{content}}}`.
// Every string in a view is HTML-escaped on output; templates use {{{ }}} only for the
// content slot and for SVG the view model escaped itself.
// Immutable after construction; safe to share between threads.

#include <map>
#include <string>

#include "render/View.h"

namespace ehdocs::web {

class PageTemplates {
public:
    // The built-in templates (web/ in the repository). Throws render::TemplateException for a
    // missing partial.
    static PageTemplates builtIn();

    // `page` (e.g. "cases") filled from `view`, inside the layout filled from `layout`.
    std::string render(const std::string& page, const render::View& view,
                       const render::View& layout) const;

    bool has(const std::string& page) const { return _pages.count(page) > 0; }

private:
    std::string fill(const std::string& name, const render::View& view) const;
    std::map<std::string, std::string> _pages;  // name without .mustache -> partials expanded
};

}  // namespace ehdocs::web
