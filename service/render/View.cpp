#include "render/View.h"

namespace ehdocs::render {

View& View::set(const std::string& name, View value) {
    for (auto& field : _fields)
        if (field.first == name) {
            field.second = std::move(value);
            return *this;
        }
    _fields.emplace_back(name, std::move(value));
    return *this;
}

const View* View::get(const std::string& name) const {
    for (const auto& field : _fields)
        if (field.first == name) return &field.second;
    return nullptr;
}

View& View::push(View item) {
    _items.push_back(std::move(item));
    return *this;
}

void View::rewriteText(const std::function<std::string(const std::string&)>& change) {
    if (_kind == Kind::String) _text = change(_text);
    for (auto& field : _fields) field.second.rewriteText(change);
    for (View& item : _items) item.rewriteText(change);
}

}  // namespace ehdocs::render
