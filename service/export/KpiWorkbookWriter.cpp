#include "export/KpiWorkbookWriter.h"

#include "export/XlsxWorkbook.h"

namespace ehdocs {
namespace {

void optionalNumber(XlsxSheet& sheet, int row, int col, const std::optional<double>& value,
                    XlsxStyle style = XlsxStyle::Plain) {
    if (value) sheet.writeNumber(row, col, *value, style);
}

// "Apr 2026".
std::string monthName(Date month) {
    static const char* const kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(kNames[month.month() - 1]) + " " + std::to_string(month.year());
}

void writeKpis(XlsxWorkbook& book, const KpiReport& report) {
    XlsxSheet sheet = book.addSheet("KPIs");
    const auto& header = KpiWorkbookWriter::kpiHeader();
    sheet.setColumn(0, 0, 13);
    sheet.setColumn(1, 1, 48);
    sheet.setColumn(2, 2, 52);
    sheet.setColumn(3, 4, 12);
    sheet.setColumn(5, 5, 11);
    sheet.setColumn(6, 6, 34);
    sheet.setColumn(7, 7, 11);
    sheet.setColumn(8, 8, 70);
    sheet.writeHeader(0, header);
    int r = 1;
    for (const auto& k : report.rows()) {
        sheet.writeText(r, 0, k.section);
        sheet.writeText(r, 1, k.question);
        sheet.writeText(r, 2, k.measure);
        optionalNumber(sheet, r, 3, k.numerator);
        optionalNumber(sheet, r, 4, k.denominator);
        optionalNumber(sheet, r, 5, k.percentage(), XlsxStyle::Percent);
        sheet.writeText(r, 6, k.standard);
        sheet.writeText(r, 7, k.answerable ? "Yes" : "No");
        sheet.writeText(r, 8, k.note);
        ++r;
    }
    sheet.freezeRows(1);
    sheet.autofilter(0, 0, r - 1, static_cast<int>(header.size()) - 1);
}

void writeThroughput(XlsxWorkbook& book, const KpiReport& report) {
    XlsxSheet sheet = book.addSheet("Throughput");
    sheet.setColumn(0, 0, 14);
    sheet.setColumn(1, 3, 14);
    sheet.setColumn(4, 4, 14);
    sheet.writeHeader(
        0, std::vector<std::string>{"Month", "Opened", "Closed", "Open at end", "Month name"});
    int r = 1;
    for (const auto& m : report.months()) {
        sheet.writeDate(r, 0, m.month);
        sheet.writeNumber(r, 1, m.opened);
        sheet.writeNumber(r, 2, m.closed);
        sheet.writeNumber(r, 3, m.openAtEnd);
        // The chart's categories: text, because a date category shows in LibreOffice Calc as
        // its serial number (46023), libxlsxwriter writing no cached labels.
        sheet.writeText(r, 4, monthName(m.month));
        ++r;
    }
    sheet.freezeRows(1);
    if (r == 1) return;
    XlsxChart chart;
    chart.kind = XlsxChart::Kind::Column;
    chart.title = "Episodes opened, closed and open, by month";
    chart.yAxis = "Episodes";
    chart.xAxis = "Month";
    for (int col = 1; col <= 3; ++col) {
        static const char* names[] = {"", "Opened", "Closed", "Open at end"};
        chart.series.push_back(
            {names[col], {"Throughput", 1, 4, r - 1, 4}, {"Throughput", 1, col, r - 1, col}});
    }
    book.insertChart(sheet, 1, 6, chart);
}

void writeCaseloads(XlsxWorkbook& book, const KpiReport& report) {
    XlsxSheet sheet = book.addSheet("Caseloads");
    sheet.setColumn(0, 0, 30);
    sheet.setColumn(1, 1, 14);
    sheet.writeHeader(0, std::vector<std::string>{"Lead worker", "Open episodes"});
    int r = 1;
    for (const auto& c : report.caseloads()) {
        sheet.writeText(r, 0, c.value);
        sheet.writeNumber(r, 1, c.count);
        ++r;
    }
    sheet.freezeRows(1);
    sheet.autofilter(0, 0, r - 1, 1);
    if (r == 1) return;
    XlsxChart chart;
    chart.kind = XlsxChart::Kind::Bar;
    chart.title = "Open episodes per lead worker on " + report.period().to.iso();
    chart.xAxis = "Lead worker";
    chart.yAxis = "Open episodes";
    chart.series.push_back(
        {"Open episodes", {"Caseloads", 1, 0, r - 1, 0}, {"Caseloads", 1, 1, r - 1, 1}});
    book.insertChart(sheet, 1, 3, chart);
}

void writeDemography(XlsxWorkbook& book, const KpiReport& report) {
    XlsxSheet sheet = book.addSheet("Demography");
    sheet.setColumn(0, 0, 34);
    sheet.setColumn(1, 1, 12);
    sheet.setColumn(2, 2, 28);
    sheet.setColumn(3, 4, 12);
    sheet.writeHeader(
        0, std::vector<std::string>{"Group", "Dimension", "Value", "Children", "Percentage"});
    int r = 1;
    for (const auto& c : report.demography()) {
        sheet.writeText(r, 0, c.group);
        sheet.writeText(r, 1, c.dimension);
        sheet.writeText(r, 2, c.value);
        sheet.writeNumber(r, 3, c.count);
        if (c.total > 0)
            sheet.writeNumber(r, 4, static_cast<double>(c.count) / c.total, XlsxStyle::Percent);
        ++r;
    }
    sheet.freezeRows(1);
    sheet.autofilter(0, 0, r - 1, 4);
}

void writeInvalid(XlsxWorkbook& book, const KpiReport& report) {
    XlsxSheet sheet = book.addSheet("Invalid files");
    sheet.setColumn(0, 0, 40);
    sheet.setColumn(1, 1, 100);
    sheet.writeHeader(0, std::vector<std::string>{"Case file", "Error"});
    int r = 1;
    for (const auto& bad : report.invalid())
        for (const auto& error : bad.errors) {
            sheet.writeText(r, 0, bad.path);
            sheet.writeText(r, 1, error);
            ++r;
        }
    sheet.freezeRows(1);
}

}  // namespace

const std::vector<std::string>& KpiWorkbookWriter::kpiHeader() {
    static const std::vector<std::string> header = {"Section",   "Question",    "Measure",
                                                    "Numerator", "Denominator", "Percentage",
                                                    "Standard",  "Answered",    "How counted"};
    return header;
}

void KpiWorkbookWriter::write(const KpiReport& report, const std::string& path,
                              const std::string& author, const std::string& tmpdir) {
    XlsxOptions xlsx;
    xlsx.constantMemory = true;
    xlsx.tmpdir = tmpdir;
    XlsxWorkbook book(path, xlsx);
    XlsxProperties properties;
    properties.title = "Performance Framework KPIs, " + report.period().from.iso() + " to " +
                       report.period().to.iso();
    properties.subject = "Early Help Performance Framework";
    properties.author = author;
    properties.category = "OFFICIAL-SENSITIVE";
    properties.keywords = "KPI, performance framework, Early Help";
    properties.comments = report.team().empty() ? "All teams" : "Team: " + report.team();
    book.setProperties(properties);
    writeKpis(book, report);
    writeThroughput(book, report);
    writeCaseloads(book, report);
    writeDemography(book, report);
    writeInvalid(book, report);
    book.close();
}

}  // namespace ehdocs
