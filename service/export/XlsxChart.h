#pragma once

// A chart to place on a sheet: plain values describing what libxlsxwriter should draw.
// Ranges are zero-based, inclusive, on the named sheet.

#include <string>
#include <vector>

namespace ehdocs {

struct XlsxRange {
    std::string sheet;
    int firstRow = 0, firstCol = 0, lastRow = 0, lastCol = 0;
};

struct XlsxSeries {
    std::string name;
    XlsxRange categories, values;
};

struct XlsxChart {
    enum class Kind { Column, Bar, Line, Pie };
    Kind kind = Kind::Column;
    std::string title, xAxis, yAxis;
    std::vector<XlsxSeries> series;
};

}  // namespace ehdocs
