// /sf and /kpi: the Supporting Families programme and the Performance Framework, with their
// workbooks. Every page reads the cases through CaseService::exportCases, which checks the
// role (sf_coordinator, admin) and audits the export; the figures are the export area's
// (ClaimAssessor, KpiReport), the same as the workbooks'.

#include <Poco/NumberFormatter.h>

#include <algorithm>

#include "export/KpiReport.h"
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

// --- /sf ----------------------------------------------------------------------------------

http::ApiResponse sfPage(WebContext& web, Page& page) {
    const Date asOf = dateParam(page, "as_of", ukToday(web.clock));
    const auto cases = web.service.exportCases(page.caller, "sf.xlsx");
    const ClaimAssessor assessor;
    View families = View::list();
    std::size_t claimable = 0;
    for (const auto& kase : cases) {
        if (!kase->supportingFamilies) continue;
        const ClaimReadiness r = assessor.assess(*kase, asOf);
        View item;
        item.set("case_id", kase->caseId)
            .set("family", familyOf(*kase))
            .set("team", kase->service.team);
        item.set("status", render::label(claimStatusId(r.status)));
        item.set("claimable", r.status == ClaimStatus::Claimable);
        item.set("claimable_from", r.claimableFrom ? r.claimableFrom->iso() : "");
        View reasons = View::list();
        for (const std::string& reason : r.reasons) reasons.push(View(reason));
        item.set("reasons", reasons);
        item.set("href", "/sf/" + kase->caseId + "?as_of=" + asOf.iso());
        if (r.status == ClaimStatus::Claimable) ++claimable;
        families.push(item);
    }
    View view;
    view.set("as_of", asOf.iso()).set("families", families).set("any", !families.empty());
    view.set("count", std::to_string(families.items().size()))
        .set("claimable_count", std::to_string(claimable));
    view.set("workbook_href", "/sf.xlsx?as_of=" + asOf.iso());
    return web.page(page, "sf", "Supporting Families", view, "sf");
}

View evidenceRows(const Case& kase, const std::vector<SfCriterion>& criteria) {
    View rows = View::list();
    for (const SfCriterion& c : criteria) {
        std::string members;
        for (const std::string& id : c.members) {
            const Member* m = kase.member(id);
            members += (members.empty() ? "" : ", ") + (m ? m->firstName : id);
        }
        View row;
        row.set("headline", render::label(c.headline)).set("members", members);
        row.set("evidence", c.evidence)
            .set("source", c.source)
            .set("date", c.date ? c.date->iso() : "");
        rows.push(row);
    }
    return rows;
}

http::ApiResponse evidencePage(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    const Date asOf = dateParam(page, "as_of", ukToday(web.clock));
    const auto cases = web.service.exportCases(page.caller, "sf.xlsx");
    auto found =
        std::find_if(cases.begin(), cases.end(), [&](const auto& k) { return k->caseId == id; });
    if (found == cases.end() || !(*found)->supportingFamilies) {
        throw server::NotFoundException("there is no family " + id + " on the programme");
    }
    const Case& kase = **found;
    const SupportingFamilies& sf = *kase.supportingFamilies;
    const ClaimReadiness r = ClaimAssessor().assess(kase, asOf);
    View outcomes = View::list();
    for (const SfOutcome& o : sf.outcomes) {
        View row;
        row.set("headline", render::label(o.headline)).set("status", render::label(o.status));
        row.set("achieved", o.achieved ? o.achieved->iso() : "");
        row.set("sustained_until", o.sustainedUntil ? o.sustainedUntil->iso() : "");
        row.set("evidence", o.evidence).set("source", o.source);
        outcomes.push(row);
    }
    View reasons = View::list();
    for (const std::string& reason : r.reasons) reasons.push(View(reason));
    View view;
    view.set("case_id", id).set("family", familyOf(kase)).set("as_of", asOf.iso());
    view.set("framework", render::label(sf.framework));
    view.set("attached", sf.attached ? sf.attached->iso() : "");
    view.set("status", render::label(claimStatusId(r.status)));
    view.set("claimable_from", r.claimableFrom ? r.claimableFrom->iso() : "");
    view.set("reasons", reasons);
    view.set("criteria", evidenceRows(kase, sf.criteria)).set("outcomes", outcomes);
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
    const auto cases = web.service.exportCases(page.caller, "sf.xlsx");
    return WebContext::download(
        server::Workbooks::kContentType,
        server::Workbooks::supportingFamilies(cases, {{"as_of", asOf.iso()}}),
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
    const auto cases = web.service.exportCases(page.caller, "kpi.xlsx");
    KpiReport report(KpiPeriod{period.from, period.to}, KpiStandards{}, "",
                     profileStandards(web.profiles));
    for (const auto& kase : cases) report.add(*kase);
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
    const auto cases = web.service.exportCases(page.caller, "kpi.xlsx");
    return WebContext::download(
        server::Workbooks::kContentType,
        server::Workbooks::kpiWithProfiles(
            cases, {{"from", period.from.iso()}, {"to", period.to.iso()}}, web.profiles),
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
