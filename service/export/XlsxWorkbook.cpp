#include "export/XlsxWorkbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

#include "export/ExportException.h"
#include "export/XlsxText.h"

namespace ehdocs {
namespace {

// libxlsxwriter takes char* for strings it only reads; a null stands for "not set".
char* textOrNull(const std::string& text) {
    return text.empty() ? nullptr : const_cast<char*>(text.c_str());
}

uint8_t chartType(XlsxChart::Kind kind) {
    switch (kind) {
        case XlsxChart::Kind::Column:
            return LXW_CHART_COLUMN;
        case XlsxChart::Kind::Bar:
            return LXW_CHART_BAR;
        case XlsxChart::Kind::Line:
            return LXW_CHART_LINE;
        case XlsxChart::Kind::Pie:
            return LXW_CHART_PIE;
    }
    return LXW_CHART_COLUMN;
}

}  // namespace

XlsxWorkbook::XlsxWorkbook(const std::string& path, const XlsxOptions& options)
    : _path(path), _options(options) {
    lxw_workbook_options lxwOptions{};
    lxwOptions.constant_memory = options.constantMemory ? LXW_TRUE : LXW_FALSE;
    lxwOptions.tmpdir = textOrNull(_options.tmpdir);
    _book = workbook_new_opt(_path.c_str(), &lxwOptions);
    if (_book == nullptr)
        throw ExportException("cannot start workbook " + path + " (out of memory)");

    try {
        addFormats();
    } catch (...) {
        lxw_workbook_free(_book);  // the destructor does not run for a throwing constructor
        _book = nullptr;
        throw;
    }
}

// One format per XlsxStyle, in the enum's order.
void XlsxWorkbook::addFormats() {
    const auto add = [&]() {
        lxw_format* f = workbook_add_format(_book);
        if (f == nullptr) throw ExportException("cannot add a cell format to " + _path);
        _formats.push_back(f);
        return f;
    };
    add();  // Plain
    lxw_format* header = add();
    format_set_bold(header);
    format_set_bg_color(header, 0xD9D9D9);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* title = add();
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_num_format(add(), "d mmm yyyy");
    format_set_num_format(add(), "0.0%");
    format_set_num_format(add(), "0.0");
    lxw_format* wrap = add();
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
}

XlsxWorkbook::~XlsxWorkbook() {
    if (_book != nullptr) lxw_workbook_free(_book);  // abandoned: nothing was written
}

lxw_format* XlsxWorkbook::format(XlsxStyle style) const {
    // Plain cells take no format at all: libxlsxwriter 1.1.4 looks a format up in a hash of
    // its whole contents on every cell it is given to, which cost a third of the writing time.
    if (style == XlsxStyle::Plain) return nullptr;
    return _formats.at(static_cast<std::size_t>(style));
}

XlsxSheet XlsxWorkbook::addSheet(const std::string& name) {
    if (_book == nullptr) throw ExportException("workbook " + _path + " is already closed");
    checkSheetName(name, _sheetNames);
    lxw_worksheet* sheet = workbook_add_worksheet(_book, name.c_str());
    if (sheet == nullptr)
        throw ExportException("libxlsxwriter refused sheet \"" + name + "\" in " + _path);
    _sheetNames.push_back(name);
    XlsxSheet added(this, sheet, name);
    added.printLayout(1);  // councils print these: landscape, one page wide, header repeated
    return added;
}

void XlsxWorkbook::setProperties(const XlsxProperties& p) {
    lxw_doc_properties props{};
    const std::string title = cellText(p.title, 255), subject = cellText(p.subject, 255),
                      author = cellText(p.author, 255), company = cellText(p.company, 255),
                      category = cellText(p.category, 255), keywords = cellText(p.keywords, 255),
                      comments = cellText(p.comments, 255);
    props.title = textOrNull(title);
    props.subject = textOrNull(subject);
    props.author = textOrNull(author);
    props.company = textOrNull(company);
    props.category = textOrNull(category);
    props.keywords = textOrNull(keywords);
    props.comments = textOrNull(comments);
    const lxw_error error = workbook_set_properties(_book, &props);
    if (error != LXW_NO_ERROR)
        throw ExportException("cannot set the document properties of " + _path + ": " +
                              lxw_strerror(error));
}

void XlsxWorkbook::insertChart(XlsxSheet& sheet, int row, int col, const XlsxChart& spec) {
    lxw_chart* chart = workbook_add_chart(_book, chartType(spec.kind));
    if (chart == nullptr) throw ExportException("cannot add a chart to " + _path);
    for (const auto& s : spec.series) {
        for (const auto* range : {&s.categories, &s.values})
            if (std::find(_sheetNames.begin(), _sheetNames.end(), range->sheet) ==
                _sheetNames.end())
                throw ExportException("chart \"" + spec.title + "\" refers to unknown sheet \"" +
                                      range->sheet + "\"");
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        if (series == nullptr) throw ExportException("cannot add a chart series in " + _path);
        chart_series_set_categories(series, s.categories.sheet.c_str(), s.categories.firstRow,
                                    s.categories.firstCol, s.categories.lastRow,
                                    s.categories.lastCol);
        chart_series_set_values(series, s.values.sheet.c_str(), s.values.firstRow,
                                s.values.firstCol, s.values.lastRow, s.values.lastCol);
        if (!s.name.empty()) chart_series_set_name(series, cellText(s.name, 255).c_str());
    }
    if (!spec.title.empty()) chart_title_set_name(chart, cellText(spec.title, 255).c_str());
    if (spec.kind != XlsxChart::Kind::Pie) {
        if (!spec.xAxis.empty()) chart_axis_set_name(chart->x_axis, spec.xAxis.c_str());
        if (!spec.yAxis.empty()) chart_axis_set_name(chart->y_axis, spec.yAxis.c_str());
    }
    if (spec.series.size() < 2 && spec.kind != XlsxChart::Kind::Pie)
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    const lxw_error error = worksheet_insert_chart(sheet._sheet, row, col, chart);
    if (error != LXW_NO_ERROR)
        throw ExportException("cannot place chart \"" + spec.title + "\" on " + sheet.name() +
                              ": " + lxw_strerror(error));
}

void XlsxWorkbook::close() {
    if (_book == nullptr) throw ExportException("workbook " + _path + " is already closed");
    lxw_workbook* book = _book;
    _book = nullptr;  // workbook_close frees it whatever happens
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) {
        std::remove(_path.c_str());
        throw ExportException("cannot write " + _path + ": " + lxw_strerror(error));
    }
}

}  // namespace ehdocs
