#include "export/SfWorkbookWriter.h"

#include <algorithm>

#include "case/Vocabulary.h"

namespace ehdocs {
namespace {

const std::vector<ClaimStatus> kStatuses = {ClaimStatus::NotOnProgramme,
                                            ClaimStatus::Claimed,
                                            ClaimStatus::NotEligible,
                                            ClaimStatus::ConditionsNotMet,
                                            ClaimStatus::OutcomesOutstanding,
                                            ClaimStatus::Sustaining,
                                            ClaimStatus::Claimable};

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

const char* yesNo(bool value) {
    return value ? "Yes" : "No";
}

void startEvidence(XlsxSheet& sheet) {
    sheet.setColumn(0, 0, 14);
    sheet.setColumn(1, 1, 16);
    sheet.setColumn(2, 2, 10);
    sheet.setColumn(3, 3, 22);
    sheet.setColumn(4, 4, 26);
    sheet.setColumn(5, 5, 60);
    sheet.setColumn(6, 6, 26);
    sheet.setColumn(7, 9, 13);
    sheet.setColumn(10, 10, 12);
    sheet.writeHeader(0, SfWorkbookWriter::evidenceHeader());
}

void writeEvidenceRow(XlsxSheet& sheet, int r, const SfEvidenceRow& e) {
    sheet.writeText(r, 0, e.caseId);
    sheet.writeText(r, 1, e.family);
    sheet.writeText(r, 2, e.record);
    sheet.writeText(r, 3, e.headline);
    sheet.writeText(r, 4, e.members);
    sheet.writeText(r, 5, e.evidence);
    sheet.writeText(r, 6, e.source);
    sheet.writeDate(r, 7, e.date);
    sheet.writeDate(r, 8, e.achieved);
    sheet.writeDate(r, 9, e.sustainedUntil);
    sheet.writeText(r, 10, e.status);
}

void startFamilies(XlsxSheet& sheet) {
    sheet.setColumn(0, 0, 14);
    sheet.setColumn(1, 1, 16);
    sheet.setColumn(2, 3, 20);
    sheet.setColumn(4, 5, 12);
    sheet.setColumn(6, 6, 36);
    sheet.setColumn(7, 8, 10);
    sheet.setColumn(9, 9, 22);
    sheet.setColumn(10, 10, 32);
    sheet.setColumn(11, 11, 14);
    sheet.setColumn(12, 12, 80);
    sheet.writeHeader(0, SfWorkbookWriter::familiesHeader());
}

void writeFamilyRow(XlsxSheet& sheet, int r, const SfFamilyRow& f) {
    const ClaimReadiness& c = f.readiness;
    sheet.writeText(r, 0, f.caseId);
    sheet.writeText(r, 1, f.family);
    sheet.writeText(r, 2, f.team);
    sheet.writeText(r, 3, f.leadWorker);
    sheet.writeText(r, 4, f.framework);
    sheet.writeDate(r, 5, f.attached);
    sheet.writeText(r, 6, joined(c.headlines, ", "));
    sheet.writeText(r, 7, yesNo(c.eligible));
    sheet.writeText(r, 8, yesNo(c.conditionsMet));
    sheet.writeText(r, 9, claimStatusId(c.status));
    sheet.writeText(r, 10, c.claimKind);
    sheet.writeDate(r, 11, c.claimableFrom);
    sheet.writeText(r, 12, joined(c.reasons, "; "));
}

// The header frozen and filtered, down to the last row written.
void endTable(XlsxSheet& sheet, int rows, std::size_t columns) {
    sheet.freezeRows(1);
    sheet.autofilter(0, 0, rows - 1, static_cast<int>(columns) - 1);
}

// Headlines in the programme's order (sf_2022, then tf_2015's own), then any others.
std::vector<std::string> headlineOrder(const std::set<std::string>& seen) {
    std::vector<std::string> order;
    for (const char* framework : {"sf_2022", "tf_2015"})
        for (const auto& h : vocabulary::frameworkHeadlines(framework))
            if (seen.count(h) && std::find(order.begin(), order.end(), h) == order.end())
                order.push_back(h);
    for (const auto& h : seen)
        if (std::find(order.begin(), order.end(), h) == order.end()) order.push_back(h);
    return order;
}

}  // namespace

const std::vector<std::string>& SfWorkbookWriter::familiesHeader() {
    static const std::vector<std::string> header = {
        "Case ID",    "Family",         "Team",     "Lead worker",    "Framework",
        "Attached",   "Headlines",      "Eligible", "Conditions met", "Claim status",
        "Claim type", "Claimable from", "Reasons"};
    return header;
}

const std::vector<std::string>& SfWorkbookWriter::evidenceHeader() {
    static const std::vector<std::string> header = {
        "Case ID", "Family", "Record",   "Headline",        "Members", "Evidence",
        "Source",  "Date",   "Achieved", "Sustained until", "Status"};
    return header;
}

void SfWorkbookWriter::writeFamilies(XlsxWorkbook& book, const std::vector<SfFamilyRow>& rows) {
    XlsxSheet sheet = book.addSheet("Families");
    startFamilies(sheet);
    int r = 1;
    for (const auto& f : rows) writeFamilyRow(sheet, r++, f);
    endTable(sheet, r, familiesHeader().size());
}

SfWorkbookWriter::SfWorkbookWriter(const std::string& path, Date asOf, std::string team,
                                   const XlsxOptions& xlsx, const std::string& author)
    : _book(path, xlsx),
      _families(_book.addSheet("Families")),
      _evidence(_book.addSheet("Evidence")),
      _summary(_book.addSheet("Summary")),
      _asOf(asOf),
      _team(std::move(team)) {
    XlsxProperties properties;
    properties.title = "Supporting Families claim readiness as of " + _asOf.iso();
    properties.subject = "Supporting Families payment-by-results evidence";
    properties.author = author.empty() ? "ehdocs" : author;
    properties.category = "OFFICIAL-SENSITIVE";
    properties.keywords = "Supporting Families, payment by results, claim readiness";
    properties.comments = _team.empty() ? "All teams" : "Team: " + _team;
    _book.setProperties(properties);
    startFamilies(_families);
    startEvidence(_evidence);
}

void SfWorkbookWriter::addFamily(const SfFamilyRow& row) {
    writeFamilyRow(_families, _familyRow++, row);
    ++_byStatus[row.readiness.status];
}

void SfWorkbookWriter::addEvidence(const SfEvidenceRow& e) {
    if (e.caseId != _evidenceCase) {
        countFamilyHeadlines();
        _evidenceCase = e.caseId;
    }
    writeEvidenceRow(_evidence, _evidenceRow++, e);
    _headlines.insert(e.headline);
    if (e.record == "criterion") _caseCriteria.insert(e.headline);
    if (e.record == "outcome" && (e.status == "achieved" || e.status == "sustained") && e.achieved)
        _caseAchieved.insert(e.headline);
}

void SfWorkbookWriter::countFamilyHeadlines() {
    for (const auto& h : _caseCriteria) ++_withCriterion[h];
    for (const auto& h : _caseAchieved) ++_achieved[h];
    _caseCriteria.clear();
    _caseAchieved.clear();
}

void SfWorkbookWriter::finish(std::size_t casesRead, std::size_t notOnProgramme,
                              const std::vector<InvalidCaseFile>& invalid) {
    countFamilyHeadlines();
    endTable(_families, _familyRow, familiesHeader().size());
    endTable(_evidence, _evidenceRow, evidenceHeader().size());

    XlsxSheet& sheet = _summary;
    sheet.setColumn(0, 0, 28);
    sheet.setColumn(1, 2, 16);
    sheet.setColumn(3, 3, 80);
    int r = 0;
    sheet.writeText(r++, 0, "Supporting Families claim readiness", XlsxStyle::Title);
    sheet.writeText(r, 0, "As of");
    sheet.writeDate(r++, 1, _asOf);
    sheet.writeText(r, 0, "Team");
    sheet.writeText(r++, 1, _team.empty() ? "All teams" : _team);
    sheet.writeText(r, 0, "Case files read");
    sheet.writeNumber(r++, 1, static_cast<double>(casesRead));
    sheet.writeText(r, 0, "Invalid case files");
    sheet.writeNumber(r++, 1, static_cast<double>(invalid.size()));
    ++r;

    _byStatus[ClaimStatus::NotOnProgramme] = static_cast<int>(notOnProgramme);
    sheet.writeHeader(r++, std::vector<std::string>{"Claim status", "Families"});
    const int firstStatusRow = r;
    for (ClaimStatus status : kStatuses) {
        sheet.writeText(r, 0, claimStatusId(status));
        sheet.writeNumber(r++, 1, _byStatus[status]);
    }
    const int lastStatusRow = r - 1;
    sheet.writeText(r, 0, "Total on the programme", XlsxStyle::Header);
    sheet.writeNumber(r++, 1, static_cast<double>(_familyRow - 1));
    ++r;

    sheet.writeHeader(r++, std::vector<std::string>{"Headline", "Families with this criterion",
                                                    "Families with it achieved"});
    for (const auto& h : headlineOrder(_headlines)) {
        sheet.writeText(r, 0, h);
        sheet.writeNumber(r, 1, static_cast<double>(_withCriterion[h]));
        sheet.writeNumber(r++, 2, static_cast<double>(_achieved[h]));
    }
    ++r;

    sheet.writeHeader(r++, std::vector<std::string>{"Invalid case file", "Errors", "", ""});
    for (const auto& bad : invalid) {
        sheet.writeText(r, 0, bad.path);
        sheet.writeNumber(r, 1, static_cast<double>(bad.errors.size()));
        sheet.writeText(r++, 3, joined(bad.errors, "\n"), XlsxStyle::Wrap);
    }
    if (invalid.empty()) sheet.writeText(r++, 0, "None");

    XlsxChart chart;
    chart.kind = XlsxChart::Kind::Bar;
    chart.title = "Families by claim status";
    chart.yAxis = "Families";
    chart.series.push_back({"Families",
                            {"Summary", firstStatusRow, 0, lastStatusRow, 0},
                            {"Summary", firstStatusRow, 1, lastStatusRow, 1}});
    _book.insertChart(sheet, 1, 4, chart);
    _book.close();
}

void SfWorkbookWriter::write(const SfExport& data, const std::string& path,
                             const SfWorkbookOptions& options) {
    XlsxOptions xlsx;
    xlsx.constantMemory = data.families().size() >= options.constantMemoryFrom;
    xlsx.tmpdir = options.tmpdir;
    SfWorkbookWriter writer(path, data.asOf(), data.team(), xlsx, options.author);
    for (const auto& f : data.families()) writer.addFamily(f);
    for (const auto& e : data.evidence()) writer.addEvidence(e);
    writer.finish(data.casesRead(), data.notOnProgramme(), data.invalid());
}

}  // namespace ehdocs
