#include "export/XlsxText.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "export/ExportException.h"

namespace ehdocs {

const char* const kCutMarker = " [… cut: too long for one Excel cell]";

namespace {

const char* const kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence starting at `text[i]` when it is well formed, else 0.
std::size_t sequenceLength(const std::string& text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned long codePoint = 0;
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0)
        length = 2, codePoint = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, codePoint = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, codePoint = lead & 0x07;
    else
        return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        codePoint = codePoint << 6 | (byte(i + k) & 0x3F);
    }
    const unsigned long minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < minimum[length] || codePoint > 0x10FFFF) return 0;
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) return 0;
    if (codePoint == 0xFFFE || codePoint == 0xFFFF) return 0;
    return length;
}

std::size_t utf16Units(const std::string& text) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        units += length == 4 ? 2 : 1;
        i += length == 0 ? 1 : length;
    }
    return units;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

bool isCleanCellText(const std::string& text, std::size_t maxChars) {
    if (text.size() > maxChars) return false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x7F || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r'))
            return false;
    }
    return true;
}

std::string cellText(const std::string& text, std::size_t maxChars) {
    std::string clean;
    clean.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        if (length == 0 || (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r')) {
            clean += kReplacement;
            i += length == 0 ? 1 : length;
            continue;
        }
        clean.append(text, i, length);
        i += length;
    }
    if (utf16Units(clean) <= maxChars) return clean;

    const std::size_t budget = maxChars - std::min(maxChars, utf16Units(kCutMarker));
    std::size_t units = 0, end = 0;
    while (end < clean.size()) {
        const std::size_t length = sequenceLength(clean, end);
        const std::size_t width = length == 4 ? 2 : 1;
        if (units + width > budget) break;
        units += width;
        end += length;
    }
    return clean.substr(0, end) + kCutMarker;
}

void checkSheetName(const std::string& name, const std::vector<std::string>& taken) {
    const auto fail = [&](const std::string& why) {
        throw ExportException("sheet name \"" + name + "\" " + why);
    };
    if (name.empty()) fail("is empty");
    if (utf16Units(name) > 31) fail("is longer than Excel's 31 characters");
    if (name.find_first_of("[]:*?/\\") != std::string::npos)
        fail("contains one of the characters [ ] : * ? / \\ that Excel refuses");
    if (name.front() == '\'' || name.back() == '\'')
        fail("starts or ends with an apostrophe, which Excel refuses");
    if (lower(name) == "history") fail("is reserved by Excel");
    for (const auto& other : taken)
        if (lower(other) == lower(name)) fail("is already used in this workbook");
}

void checkDefinedName(const std::string& name) {
    const auto fail = [&](const std::string& why) {
        throw ExportException("defined name \"" + name + "\" " + why);
    };
    static const std::regex kShape(R"([A-Za-z_\\][A-Za-z0-9_.]*)");
    static const std::regex kA1(R"([A-Za-z]{1,3}[0-9]+)");
    static const std::regex kR1C1(R"([Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*)");
    if (name.empty() || name.size() > 255) fail("must have 1 to 255 characters");
    if (!std::regex_match(name, kShape))
        fail("must start with a letter, _ or \\ and hold only letters, digits, _ and .");
    if (std::regex_match(name, kA1) || std::regex_match(name, kR1C1))
        fail("looks like a cell reference");
}

}  // namespace ehdocs
