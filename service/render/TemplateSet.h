#pragma once

// The templates a renderer uses: the built-in ones (compiled into the binary), each
// replaced by a file of the same name in an authority's own folder when one is given.
// Names are file names: `closure_letter.mustache`, `record_header.mustache`, `print.css`.
//
// Partials: `{{> name}}` includes the template `name.mustache` (or `name` itself when it
// has an extension, e.g. `{{> print.css}}`). They are expanded once, when a document
// template is loaded, so rendering never parses a template. Set-delimiter tags (`{{=`) are
// not supported.
//
// A value; immutable after construction; safe to share between threads.

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ehdocs::render {

class TemplateSet {
public:
    // The built-in templates only.
    static TemplateSet builtIn();
    // The built-ins, with every `*.mustache` and `*.css` file in `dir` added or replacing
    // the built-in of the same name. Throws TemplateException when `dir` is not a readable
    // folder, a file in it cannot be read, or a template name in it is a symbolic link (only
    // the folder's own regular files are templates).
    static TemplateSet withOverrides(const std::string& dir);

    // The built-ins, with each of `texts` (name -> template text) added or replacing the
    // built-in of the same name; `origin` says where they came from. What withOverrides
    // does once it has read the folder.
    static TemplateSet withTexts(const std::map<std::string, std::string>& texts,
                                 const std::string& origin);

    // True when a template of this name exists.
    bool has(const std::string& name) const { return _files.count(name) > 0; }
    // The template's own text; throws TemplateException when there is none.
    const std::string& source(const std::string& name) const;
    // Where the template came from: "letters/closure_letter.mustache (built in)" or the path.
    std::string origin(const std::string& name) const;
    // The template with every partial expanded. Throws TemplateException for a missing
    // partial, partials that include each other, or an expansion over kMaxExpandedBytes.
    std::string expanded(const std::string& name) const;
    // Every template name, sorted.
    std::vector<std::string> names() const;
    // The names that came from the override folder.
    std::vector<std::string> overridden() const;

    // The file a partial tag refers to: `record_header` -> `record_header.mustache`.
    static std::string partialFile(const std::string& tagName);

private:
    struct File {
        // Shared: every set starts as a copy of the built-in one, which need not copy texts.
        std::shared_ptr<const std::string> text;
        std::string origin;
        bool overridden = false;
    };
    static constexpr std::size_t kMaxExpandedBytes = 16 * 1024 * 1024;
    std::string expand(const std::string& name, int depth, std::size_t& budget) const;
    std::map<std::string, File> _files;
};

}  // namespace ehdocs::render
