#include "store/ValidUtf8.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

namespace ehdocs::store {

std::string validUtf8(const std::string& text) {
    // Plain ASCII, by far the common case, needs no conversion.
    bool ascii = true;
    for (unsigned char c : text) ascii = ascii && c < 0x80;
    if (ascii) return text;
    Poco::UTF8Encoding utf8;
    Poco::TextConverter converter(utf8, utf8, 0xFFFD);
    std::string clean;
    converter.convert(text, clean);
    return clean;
}

}  // namespace ehdocs::store
