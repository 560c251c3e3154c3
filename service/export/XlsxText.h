#pragma once

// Checks and clean-ups applied to everything before it reaches libxlsxwriter (Debian ships
// 1.1.4, which predates later fixes to name checking), so a hostile case file cannot produce
// a broken or dangerous workbook. Pure functions; thread-safe.

#include <string>
#include <vector>

namespace ehdocs {

// Excel's limit on the characters in one cell.
constexpr std::size_t kExcelCellMaxChars = 32767;

// The marker that ends a cell whose text was cut to fit kExcelCellMaxChars.
extern const char* const kCutMarker;

// Text as it may be stored in a cell: characters XML 1.0 cannot carry (controls other than
// tab, newline and carriage return; invalid UTF-8) become U+FFFD, and text longer than
// `maxChars` (counted in UTF-16 units, as Excel counts) is cut at a character boundary and
// ends with kCutMarker, the whole staying within `maxChars`.
std::string cellText(const std::string& text, std::size_t maxChars = kExcelCellMaxChars);

// True when cellText(text) would return `text` unchanged (the common case, checked without
// copying): printable ASCII, tab, newline and carriage return, and short enough.
bool isCleanCellText(const std::string& text, std::size_t maxChars = kExcelCellMaxChars);

// Throws ExportException saying what is wrong unless `name` is a sheet name Excel accepts:
// 1-31 characters, none of []:*?/\, not starting or ending with an apostrophe, not "History",
// and not already in `taken` (compared case-insensitively, ASCII).
void checkSheetName(const std::string& name, const std::vector<std::string>& taken);

// Throws ExportException unless `name` is a workbook defined name Excel accepts: 1-255
// characters, starting with a letter, underscore or backslash, then letters, digits,
// underscores and dots; not a cell reference such as "A1" or "R1C1".
void checkDefinedName(const std::string& name);

}  // namespace ehdocs
