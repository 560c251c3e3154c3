// /sf and /kpi: the Supporting Families programme and the Performance Framework, with their
// workbooks. The pages read the cases as the exports do, through CaseService::exportWorkbook,
// which checks the role (sf: sf_coordinator, admin; kpi: also a team leader, given their own
// team's cases only), audits the read, and holds one batch of cases in memory at a time; a
// family's evidence page reads that one case. The figures are the export area's
// (ClaimAssessor, sfFamily, KpiReport), the same as the workbooks'.

#include <Poco/NumberFormatter.h>

#include <algorithm>

#include "export/CaseVisitor.h"
#include "export/KpiReport.h"
#include "export/SfExport.h"
#include "render/Diagrams.h"
#include "render/Labels.h"
#include "rules/ClaimAssessor.h"
#include "server/Errors.h"
#include "server/Workbooks.h"
#include "web/PageRoutes.h"
#include "web/WebContext.h"

using ehdocs::render::View;

namespace ehdocs::web {

namespace {

Date dateParam(const Page& page, const std::string& name, Date fallback) {
    const std::string text = page.request.param(name);
    if (text.empty()) return fallback;
    const std::optional<Date> date = Date::parse(text);
    if (!date) {
        throw server::BadRequestException(name + ": \"" + text +
                                          "\" is not a date; write it as 2026-06-30");
    }
    return *date;
}

std::string familyOf(const Case& kase) {
    return kase.family.familyName.empty() ? kase.caseId
                                          : "The " + kase.family.familyName + " family";
}

// Every case the caller may read for the workbook `what`, one at a time (audited with
// `detail`).
void forEachCase(WebContext& web, const Page& page, const std::string& what,
                 const std::string& detail, const std::function<void(const Case&)>& visit) {
    web.service.exportWorkbook(
        page.caller, what, "", [&] { return std::make_unique<CaseVisitor>(visit); }, {}, detail);
}

// The workbook `what` of the caller's cases as bytes, streamed as the API's export is.
std::string workbook(WebContext& web, const Page& page, const std::string& what,
                     const server::ExportQuery& query) {
    const server::Exporters exporters = server::Workbooks::exporters(web.profiles);
    const server::Exporter& exporter = exporters.at(what);
    return server::Workbooks::bytesOf([&](const std::string& path) {
        web.service.exportWorkbook(page.caller, what, "",
                                   [&] { return exporter.open(query, path); });
    });
}

// --- /sf ----------------------------------------------------------------------------------

constexpr std::size_t kFamiliesPerPage = 50;

// The families on the programme, a page at a time in case id order, with the counts of all.
http::ApiResponse sfPage(WebContext& web, Page& page) {
    const Date asOf = dateParam(page, "as_of", ukToday(web.clock));
    const std::size_t current =
        static_cast<std::size_t>(WebContext::pageNumber(page.request.param("page")));
    const std::size_t first = (current - 1) * kFamiliesPerPage;
    const ClaimAssessor assessor;
    View families = View::list();
    std::size_t onProgramme = 0, claimable = 0;
    forEachCase(web, page, "sf.xlsx", "sf page", [&](const Case& kase) {
        if (!kase.supportingFamilies) return;
        const ClaimReadiness r = assessor.assess(kase, asOf);
        if (r.status == ClaimStatus::Claimable) ++claimable;
        if (onProgramme++ < first || families.items().size() == kFamiliesPerPage) return;
        View item;
        item.set("case_id", kase.caseId)
            .set("family", familyOf(kase))
            .set("team", kase.service.team);
        item.set("status", render::label(claimStatusId(r.status)));
        item.set("claimable", r.status == ClaimStatus::Claimable);
        item.set("claimable_from", r.claimableFrom ? r.claimableFrom->iso() : "");
        View reasons = View::list();
        for (const std::string& reason : r.reasons) reasons.push(View(reason));
        item.set("reasons", reasons);
        item.set("href", "/sf/" + kase.caseId + "?as_of=" + asOf.iso());
        families.push(item);
    });
    View view;
    view.set("as_of", asOf.iso()).set("families", families).set("any", !families.empty());
    view.set("count", std::to_string(onProgramme))
        .set("claimable_count", std::to_string(claimable));
    if (onProgramme > kFamiliesPerPage) {
        View pager;
        pager.set("label", "pages of families").set("previous_text", "Previous");
        const std::string base = "/sf?as_of=" + asOf.iso() + "&page=";
        if (current > 1) pager.set("previous", base + std::to_string(current - 1));
        if (first + families.items().size() < onProgramme)
            pager.set("next", base + std::to_string(current + 1));
        pager.set("text", "Families " + std::to_string(first + 1) + " to " +
                              std::to_string(first + families.items().size()) + " of " +
                              std::to_string(onProgramme));
        view.set("pager", pager);
    }
    view.set("workbook_href", "/sf.xlsx?as_of=" + asOf.iso());
    return web.page(page, "sf", "Supporting Families", view, "sf");
}

// The family's criteria or outcomes (`record`), as the workbook's Evidence sheet has them:
// children named by the consent rule.
View evidenceRows(const SfFamily& family, const std::string& record) {
    View rows = View::list();
    for (const SfEvidenceRow& e : family.evidence) {
        if (e.record != record) continue;
        View row;
        row.set("headline", render::label(e.headline)).set("members", e.members);
        row.set("evidence", e.evidence).set("source", e.source);
        row.set("date", e.date ? e.date->iso() : "");
        row.set("status", render::label(e.status));
        row.set("achieved", e.achieved ? e.achieved->iso() : "");
        row.set("sustained_until", e.sustainedUntil ? e.sustainedUntil->iso() : "");
        rows.push(row);
    }
    return rows;
}

http::ApiResponse evidencePage(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    const Date asOf = dateParam(page, "as_of", ukToday(web.clock));
    const std::shared_ptr<const Case> found = web.service.supportingFamiliesCase(page.caller, id);
    if (!found) throw server::NotFoundException("there is no family " + id + " on the programme");
    const Case& kase = *found;
    const SupportingFamilies& sf = *kase.supportingFamilies;
    const SfFamily family = sfFamily(kase, ClaimAssessor(), asOf);
    const ClaimReadiness& r = family.row.readiness;
    View reasons = View::list();
    for (const std::string& reason : r.reasons) reasons.push(View(reason));
    View view;
    view.set("case_id", id).set("family", familyOf(kase)).set("as_of", asOf.iso());
    view.set("framework", render::label(sf.framework));
    view.set("attached", sf.attached ? sf.attached->iso() : "");
    view.set("status", render::label(claimStatusId(r.status)));
    view.set("claimable_from", r.claimableFrom ? r.claimableFrom->iso() : "");
    view.set("reasons", reasons);
    view.set("criteria", evidenceRows(family, "criterion"))
        .set("outcomes", evidenceRows(family, "outcome"));
    view.set("conditions",
             View::list()
                 .push(View("Whole-family assessment: " +
                            std::string(sf.wholeFamilyAssessment ? "yes" : "no")))
                 .push(View("Whole-family plan: " + std::string(sf.wholeFamilyPlan ? "yes" : "no")))
                 .push(View("Lead worker recognised by the family: " +
                            std::string(sf.leadWorkerRecognised ? "yes" : "no"))));
    view.set("back_href", "/sf?as_of=" + asOf.iso())
        .set("back_text", "Back to Supporting Families");
    return web.page(page, "sf_evidence", "Evidence: " + familyOf(kase), view, "sf");
}

http::ApiResponse sfWorkbook(WebContext& web, Page& page) {
    const Date asOf = dateParam(page, "as_of", ukToday(web.clock));
    return WebContext::download(server::Workbooks::kContentType,
                                workbook(web, page, "sf.xlsx", {{"as_of", asOf.iso()}}),
                                "sf-" + asOf.iso() + ".xlsx");
}

// --- /kpi ---------------------------------------------------------------------------------

struct Period {
    Date from, to;
};

Period periodOf(WebContext& web, const Page& page) {
    const Date today = ukToday(web.clock);
    // Default: the twelve months to today.
    Period p{dateParam(page, "from", today.plusMonths(-12).plusDays(1)),
             dateParam(page, "to", today)};
    if (p.to < p.from) throw server::BadRequestException("the period ends before it starts");
    return p;
}

std::string percent(const KpiRow& row) {
    const auto p = row.percentage();
    if (!p) return "";
    return Poco::NumberFormatter::format(*p * 100.0, 0) + "%";
}

std::string number(const std::optional<double>& n) {
    return n ? Poco::NumberFormatter::format(*n, 0) : "";
}

// Monthly throughput as a bar chart: opened and closed per month. Plain SVG (no script); the
// table beside it carries the same numbers for screen readers.
std::string throughputSvg(const std::vector<KpiMonth>& months) {
    const int barWidth = 14, gap = 10, height = 160, top = 10, bottom = 40, left = 30;
    int most = 1;
    for (const KpiMonth& m : months) most = std::max({most, m.opened, m.closed});
    const int width = left + static_cast<int>(months.size()) * (2 * barWidth + gap) + 10;
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" width=\"" +
        std::to_string(width) + "\" height=\"" + std::to_string(height + top + bottom) +
        "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height + top + bottom) +
        "\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Cases opened "
        "(dark) and closed (light) each month</title>";
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(top + height) +
           "\" x2=\"" + std::to_string(width) + "\" y2=\"" + std::to_string(top + height) +
           "\" stroke=\"#0b0c0c\"/>";
    svg +=
        "<text x=\"0\" y=\"" + std::to_string(top + 10) + "\">" + std::to_string(most) + "</text>";
    int x = left + 4;
    for (const KpiMonth& m : months) {
        const int opened = m.opened * height / most, closed = m.closed * height / most;
        svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" +
               std::to_string(top + height - opened) + "\" width=\"" + std::to_string(barWidth) +
               "\" height=\"" + std::to_string(opened) + "\" fill=\"#1d70b8\"/>";
        svg += "<rect x=\"" + std::to_string(x + barWidth) + "\" y=\"" +
               std::to_string(top + height - closed) + "\" width=\"" + std::to_string(barWidth) +
               "\" height=\"" + std::to_string(closed) + "\" fill=\"#85b3dc\"/>";
        svg += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(top + height + 16) +
               "\">" + render::xmlEscape(m.month.iso().substr(5, 2)) + "</text>";
        if (m.month.iso().substr(5, 2) == "01" || &m == &months.front()) {
            svg += "<text x=\"" + std::to_string(x) + "\" y=\"" +
                   std::to_string(top + height + 32) + "\">" +
                   render::xmlEscape(m.month.iso().substr(0, 4)) + "</text>";
        }
        x += 2 * barWidth + gap;
    }
    return svg + "</svg>";
}

http::ApiResponse kpiPage(WebContext& web, Page& page) {
    const Period period = periodOf(web, page);
    KpiReport report(KpiPeriod{period.from, period.to}, KpiStandards{}, "",
                     profileStandards(web.profiles));
    forEachCase(web, page, "kpi.xlsx", "kpi page", [&](const Case& kase) { report.add(kase); });
    View rows = View::list();
    std::string section;
    for (const KpiRow& row : report.rows()) {
        View item;
        item.set("section", row.section == section ? "" : row.section);
        section = row.section;
        item.set("measure", row.measure).set("standard", row.standard);
        item.set("numerator", number(row.numerator)).set("denominator", number(row.denominator));
        item.set("percent", percent(row)).set("answerable", row.answerable).set("note", row.note);
        rows.push(item);
    }
    View months = View::list();
    for (const KpiMonth& m : report.months()) {
        View item;
        item.set("month", m.month.iso().substr(0, 7)).set("opened", std::to_string(m.opened));
        item.set("closed", std::to_string(m.closed))
            .set("open_at_end", std::to_string(m.openAtEnd));
        months.push(item);
    }
    View view;
    view.set("from", period.from.iso()).set("to", period.to.iso());
    view.set("rows", rows)
        .set("months", months)
        .set("cases_read", std::to_string(report.casesRead()));
    view.set("chart_svg", throughputSvg(report.months()));
    view.set("workbook_href", "/kpi.xlsx?from=" + period.from.iso() + "&to=" + period.to.iso());
    return web.page(page, "kpi", "Performance", view, "kpi");
}

http::ApiResponse kpiWorkbook(WebContext& web, Page& page) {
    const Period period = periodOf(web, page);
    return WebContext::download(
        server::Workbooks::kContentType,
        workbook(web, page, "kpi.xlsx", {{"from", period.from.iso()}, {"to", period.to.iso()}}),
        "kpi-" + period.from.iso() + "-to-" + period.to.iso() + ".xlsx");
}

}  // namespace

void ProgrammePages::addRoutes(WebContext& web, const AddRoute& add) {
    add("GET", "/sf", [&web](Page& p) { return sfPage(web, p); });
    add("GET", "/sf/{id}", [&web](Page& p) { return evidencePage(web, p); });
    add("GET", "/sf.xlsx", [&web](Page& p) { return sfWorkbook(web, p); });
    add("GET", "/kpi", [&web](Page& p) { return kpiPage(web, p); });
    add("GET", "/kpi.xlsx", [&web](Page& p) { return kpiWorkbook(web, p); });
}

}  // namespace ehdocs::web
