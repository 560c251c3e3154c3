#pragma once

// The view model's value: what a template sees. A tree of strings, booleans, lists and
// objects, built by the view-model functions (ViewModel.h) and handed to Mustache.
// It is our own type, not Mustache's, so that `templates lint` can list every name a
// view provides (Mustache's data cannot be enumerated).
//
// Strings hold plain text: Mustache escapes them on output ({{name}}). The only values
// meant for {{{triple}}} output are the SVG diagrams, which the view model escapes itself.

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ehdocs::render {

class View {
public:
    enum class Kind { Object, String, Bool, List };

    View() = default;  // an empty object
    View(std::string text) : _kind(Kind::String), _text(std::move(text)) {}
    View(const char* text) : _kind(Kind::String), _text(text) {}
    View(bool flag) : _kind(Kind::Bool), _flag(flag) {}

    static View list() {
        View v;
        v._kind = Kind::List;
        return v;
    }

    Kind kind() const { return _kind; }
    bool isObject() const { return _kind == Kind::Object; }
    bool isList() const { return _kind == Kind::List; }
    const std::string& text() const { return _text; }
    bool flag() const { return _flag; }

    // Object: sets (or replaces) a field; returns *this to chain.
    View& set(const std::string& name, View value);
    // Object: the field, or nullptr.
    const View* get(const std::string& name) const;
    const std::vector<std::pair<std::string, View>>& fields() const { return _fields; }

    // List: appends an item.
    View& push(View item);
    const std::vector<View>& items() const { return _items; }
    bool empty() const { return _items.empty(); }

    // Applies `change` to every string in this view and everything below it, in place.
    void rewriteText(const std::function<std::string(const std::string&)>& change);

private:
    Kind _kind = Kind::Object;
    std::string _text;
    bool _flag = false;
    std::vector<std::pair<std::string, View>> _fields;
    std::vector<View> _items;
};

}  // namespace ehdocs::render
