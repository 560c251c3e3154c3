#pragma once

// The handful of cell styles every ehdocs workbook uses, so sheets look alike.

namespace ehdocs {

enum class XlsxStyle {
    Plain,    // default
    Header,   // bold on grey, wrapped: a table's header row
    Title,    // bold, larger: a sheet's title line
    Date,     // a real Excel date shown as "26 Jun 2026"
    Percent,  // 0.5 shown as "50.0%"
    Decimal,  // one decimal place
    Wrap,     // long text, wrapped and top-aligned
};

}  // namespace ehdocs
