#pragma once

// Text that reaches stored records and JSON output from outside (a request's path and query,
// an audit entry's fields) must be valid UTF-8: strict JSON parsers reject anything else, and
// one bad byte in an audit entry would make the whole audit response unreadable.

#include <string>

namespace ehdocs::store {

// `text` with each invalid UTF-8 sequence (stray bytes, overlong forms, surrogates, a
// truncated sequence) replaced by U+FFFD; valid text is returned unchanged.
std::string validUtf8(const std::string& text);

}  // namespace ehdocs::store
