// /cases and /cases/{id}: the caseload, one case (family, readiness, record set, issued
// documents, history), issuing documents, previews, downloads and the close form. Every call
// goes through CaseService, which checks the role and team and writes the audit trail.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>

#include "case/CaseReader.h"
#include "http/PageParams.h"
#include "render/CaseView.h"
#include "render/Diagrams.h"
#include "render/DocumentTypes.h"
#include "render/Labels.h"
#include "server/Errors.h"
#include "server/PageCursor.h"
#include "web/PageRoutes.h"
#include "web/WebContext.h"

using ehdocs::render::View;

namespace ehdocs::web {

namespace {

constexpr std::size_t kPageSize = 25;

struct Findings {
    bool ready = false;
    View blocking = View::list(), warnings = View::list(), due = View::list();
    std::string nextDue;  // "review TAF meeting, due 5 December 2026"; "" when nothing is due
    std::size_t blockingCount = 0, warningCount = 0;
};

View findingList(const Poco::JSON::Array::Ptr& items, std::size_t& count) {
    View list = View::list();
    for (std::size_t i = 0; items && i < items->size(); ++i) {
        Poco::JSON::Object::Ptr f = items->getObject(static_cast<unsigned>(i));
        View item;
        item.set("rule", f->optValue<std::string>("rule", ""));
        item.set("message", f->optValue<std::string>("message", ""));
        item.set("source", f->optValue<std::string>("source", ""));
        list.push(item);
        ++count;
    }
    return list;
}

Findings findingsOf(const server::ReadinessReport& report) {
    Findings out;
    out.ready = report.readyToClose;
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr json = parser.parse(report.json).extract<Poco::JSON::Object::Ptr>();
    out.blocking = findingList(json->getArray("blocking"), out.blockingCount);
    out.warnings = findingList(json->getArray("warnings"), out.warningCount);
    // What the timeliness rules wait for next (open cases; soonest first).
    Poco::JSON::Array::Ptr due = json->getArray("due");
    for (std::size_t i = 0; due && i < due->size(); ++i) {
        Poco::JSON::Object::Ptr d = due->getObject(static_cast<unsigned>(i));
        const std::optional<Date> when = Date::parse(d->optValue<std::string>("due", ""));
        View item;
        item.set("what", d->optValue<std::string>("what", ""))
            .set("rule", d->optValue<std::string>("rule", ""));
        item.set("due", when ? when->uk() : d->optValue<std::string>("due", ""));
        if (out.nextDue.empty())
            out.nextDue = item.get("what")->text() + ", due " + item.get("due")->text();
        out.due.push(item);
    }
    return out;
}

Case parsedCase(const store::CaseRecord& record) {
    ReadResult read = CaseReader::fromJson(record.json);
    if (!read.kase) throw server::ConflictException("the stored case file cannot be read");
    return std::move(*read.kase);
}

std::string personName(const Member& m) {
    std::string name = m.preferredName.empty() ? m.firstName : m.preferredName;
    if (!m.lastName.empty()) name += " " + m.lastName;
    return name;
}

std::string workerName(const Case& kase, const std::string& id) {
    const Worker* w = kase.worker(id);
    return w ? w->name : id;
}

// --- /cases -------------------------------------------------------------------------------

View option(const std::string& value, const std::string& text, const std::string& chosen) {
    View o;
    o.set("value", value).set("text", text).set("selected", value == chosen);
    return o;
}

// What a row says comes next, from the kept summary alone (no case is read or checked).
std::string nextStep(const store::CaseRecord& rec) {
    if (rec.status != "open") return "Closed";
    if (!rec.nextDue.empty()) {
        const std::optional<Date> when = Date::parse(rec.nextDue);
        const std::string date = when ? when->uk() : rec.nextDue;
        return rec.nextDueWhat.empty() ? "Due " + date : rec.nextDueWhat + ", due " + date;
    }
    if (rec.readyToClose) return "Ready for the team leader to close";
    if (rec.blockingCount > 0) {
        return std::to_string(rec.blockingCount) + (rec.blockingCount == 1 ? " thing" : " things") +
               " to record before closing";
    }
    return "Nothing outstanding";
}

View caseRow(const store::CaseRecord& rec) {
    View item;
    item.set("case_id", rec.caseId).set("href", "/cases/" + rec.caseId);
    item.set("family", rec.familyName.empty() ? rec.caseId : "The " + rec.familyName + " family");
    item.set("lead_worker", rec.leadWorkerName.empty() ? rec.leadWorker : rec.leadWorkerName);
    item.set("status", render::label(rec.status)).set("open", rec.status == "open");
    item.set("ready", rec.readyToClose);
    item.set("blocking", std::to_string(rec.blockingCount));
    item.set("late", std::to_string(rec.lateCount));
    item.set("next", nextStep(rec));
    return item;
}

View filterChoices(WebContext& web, Page& page, const std::map<std::string, std::string>& chosen) {
    const auto choice = [&](const std::string& name) { return chosen.at(name); };
    View statuses = View::list();
    statuses.push(option("", "Any", choice("status")))
        .push(option("open", "Open", choice("status")))
        .push(option("closed", "Closed", choice("status")));
    View readies = View::list();
    readies.push(option("", "Any", choice("ready")))
        .push(option("true", "Ready to close", choice("ready")))
        .push(option("false", "Not ready", choice("ready")));
    View lates = View::list();
    lates.push(option("", "Any", choice("late")))
        .push(option("true", "Something late", choice("late")))
        .push(option("false", "Nothing late", choice("late")));
    View leads = View::list();
    leads.push(option("", "Anyone", choice("lead_worker")));
    for (const auto& [id, name] : web.service.leadWorkers(page.caller))
        leads.push(option(id, name.empty() ? id : name, choice("lead_worker")));
    View view;
    view.set("q", choice("q"));
    view.set("statuses", statuses).set("readies", readies).set("lates", lates).set("leads", leads);
    return view;
}

// One page of the caller's caseload: the store's indexed page of the kept summaries (the
// service limits it to what the role may see), in the API's order: what needs action first.
// Later pages are reached by the page's cursor, so that each costs the same as the first.
http::ApiResponse caseload(WebContext& web, Page& page) {
    if (page.role() == server::Role::sfCoordinator) return WebContext::redirect("/sf");
    const http::ApiRequest& r = page.request;
    store::CasePageQuery query = http::caseQuery(r);  // the API's filters, the same errors
    query.limit = kPageSize;
    // Whose cases: a user linked to a worker id chooses between the cases they lead and all
    // they may see; a coach starts at their own.
    const std::string& worker = page.user->worker;
    std::string show = r.param("show");
    if (worker.empty()) {
        show.clear();
    } else if (show != "mine" && show != "all") {
        show = page.role() == server::Role::coach ? "mine" : "all";
    }
    if (show == "mine") query.leadWorker = worker;
    const store::CasePage cases = web.service.list(page.caller, query);

    View list = View::list();
    for (const store::CaseRecord& rec : cases.cases) list.push(caseRow(rec));
    std::map<std::string, std::string> params;
    for (const char* name : {"q", "status", "lead_worker", "ready", "late"})
        params[name] = r.param(name);
    params["show"] = show;
    View view = filterChoices(web, page, params);
    if (!show.empty()) {
        View shows = View::list();
        shows.push(option("mine", "Cases I lead", show))
            .push(option(
                "all", page.role() == server::Role::admin ? "Every case" : "Every case of the team",
                show));
        view.set("shows", shows).set("choose_whose", true);
    }
    view.set("cases", list).set("any", !list.empty());
    view.set("count", std::to_string(cases.total));
    view.set("scope", show == "mine"                       ? "Cases you lead"
                      : page.role() == server::Role::admin ? "Every case"
                                                           : "Cases of team " + page.user->team);
    // The number of the page's first row travels with the cursor, for the text only.
    const std::size_t first =
        r.param("cursor").empty() ? 1 : WebContext::pageNumber(r.param("from"));
    if (cases.next || first > 1) {
        View pager;
        pager.set("label", "pages of cases");
        if (first > 1)
            pager.set("previous", "/cases" + WebContext::queryString(params))
                .set("previous_text", "First page");
        if (cases.next) {
            std::map<std::string, std::string> next = params;
            next["cursor"] = server::encodeCaseCursor(query.sort, *cases.next);
            next["from"] = std::to_string(first + cases.cases.size());
            pager.set("next", "/cases" + WebContext::queryString(next));
        }
        const std::size_t last = first + cases.cases.size() - 1;
        pager.set("text", "Cases " + std::to_string(first) + " to " + std::to_string(last) +
                              " of " + std::to_string(cases.total));
        view.set("pager", pager);
    }
    view.set("may_create", page.may(server::Action::create));
    return web.page(page, "cases", "Cases", view, "cases");
}

// --- /cases/{id} --------------------------------------------------------------------------

View familyView(const Case& kase, const std::string& today) {
    View members = View::list();
    for (const Member& m : kase.family.members) {
        View item;
        item.set("name", personName(m)).set("relationship", render::label(m.relationship));
        item.set("kind", render::label(m.kind));
        item.set("born", m.dob            ? m.dob->iso()
                         : m.expectedDate ? "expected " + m.expectedDate->iso()
                                          : "");
        item.set("household", m.inHousehold ? "Yes" : "No");
        members.push(item);
    }
    const Date producedOn = Date::parse(today).value_or(Date());
    const render::CaseView caseView(kase, producedOn);
    View family;
    family.set("members", members);
    family.set("genogram_svg", render::genogramSvg(caseView));
    family.set("ecomap_svg", render::ecomapSvg(caseView));
    return family;
}

View recordSetView(const Case& kase, const std::string& caseId) {
    View types = View::list();
    const render::DocumentTypes registry = render::DocumentTypes::builtIn();
    for (const render::DocumentType& type : registry.all()) {
        const std::string why = type.notApplicable ? type.notApplicable(kase) : "";
        if (!why.empty()) continue;
        auto addRow = [&](const std::string& meeting, const std::string& title) {
            View item;
            item.set("type", type.id)
                .set("title", title)
                .set("audience", render::label(type.audience));
            item.set("meeting", meeting);
            item.set("preview_href", "/cases/" + caseId + "/preview/" + type.id +
                                         (meeting.empty() ? "" : "?meeting=" + meeting));
            types.push(item);
        };
        if (type.needsMeeting) {
            for (const Meeting& m : kase.meetings) {
                if (!type.forMeeting || type.forMeeting(m, m.at.date())) {
                    addRow(m.id,
                           type.title + ": " + render::label(m.kind) + ", " + m.at.date().iso());
                }
            }
        } else {
            addRow("", type.title);
        }
    }
    return types;
}

View documentsView(const Case& kase, const std::vector<store::StoredDocument>& stored) {
    View docs = View::list();
    for (auto it = kase.documents.rbegin(); it != kase.documents.rend(); ++it) {
        const IssuedDocument& d = *it;
        const bool kept =
            std::any_of(stored.begin(), stored.end(), [&](auto& s) { return s.docId == d.id; });
        View item;
        item.set("title", render::label(d.type)).set("issued_at", d.issuedAt.iso());
        item.set("by", workerName(kase, d.by)).set("format", Poco::toUpper(d.format));
        if (kept) item.set("href", "/documents/" + d.id);
        docs.push(item);
    }
    return docs;
}

View historyView(const std::vector<store::CaseRecord>& versions) {
    View list = View::list();
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        View item;
        item.set("version", std::to_string(it->version)).set("action", render::label(it->action));
        item.set("author", it->author)
            .set("at", it->writtenAt)
            .set("status", render::label(it->status));
        list.push(item);
    }
    return list;
}

const char* doneMessage(const std::string& done) {
    if (done == "issued") return "The document was issued. It is listed under Issued documents.";
    if (done == "closed") return "The case is closed.";
    if (done == "reopened") return "The case is open again.";
    if (done == "closure") return "The closure record was saved as a new version.";
    if (done == "uploaded") return "The case file was saved as a new version.";
    if (done == "created") return "The case was created.";
    return "";
}

http::ApiResponse casePage(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    if (page.role() == server::Role::sfCoordinator) return WebContext::redirect("/sf");
    const store::CaseRecord record = web.service.get(page.caller, id);
    const Case kase = parsedCase(record);
    const Findings findings = findingsOf(web.service.readiness(page.caller, id, ""));
    View view;
    view.set("case_id", id).set("version", std::to_string(record.version));
    view.set("family_name",
             kase.family.familyName.empty() ? id : "The " + kase.family.familyName + " family");
    view.set("status", render::label(record.status)).set("open", record.status == "open");
    view.set("closed", record.status != "open");
    view.set("team", record.team).set("lead_worker", workerName(kase, kase.leadWorker));
    view.set("family", familyView(kase, web.today()));
    view.set("ready", findings.ready);
    view.set("blocking", findings.blocking).set("warnings", findings.warnings);
    view.set("blocking_count", std::to_string(findings.blockingCount));
    view.set("warning_count", std::to_string(findings.warningCount));
    view.set("due", findings.due).set("any_due", !findings.due.empty());
    view.set("any_blocking", findings.blockingCount > 0)
        .set("any_warnings", findings.warningCount > 0);
    const bool open = record.status == "open";
    view.set("may_issue", open && page.may(server::Action::issue));
    view.set("may_render", page.may(server::Action::render));
    view.set("record_set", recordSetView(kase, id));
    view.set("documents", documentsView(kase, web.store.caseDocuments(id)));
    view.set("any_documents", !kase.documents.empty());
    view.set("history", historyView(web.service.history(page.caller, id)));
    const bool mayClose = page.may(server::Action::close);
    view.set("may_close", open && mayClose);
    view.set("may_update", open && page.may(server::Action::update));
    view.set("may_reopen", !open && page.may(server::Action::reopen));
    if (!open && kase.closure) {
        view.set("closed_on", kase.closure->date.iso());
        view.set("closure_reason", render::label(kase.closure->reason));
        if (kase.closure->authorised) {
            view.set("authorised_by", workerName(kase, kase.closure->authorised->by));
        }
    }
    view.set("flash", doneMessage(page.request.param("done")));
    view.set("back_href", "/cases").set("back_text", "Back to cases");
    return web.page(page, "case", view.get("family_name")->text() + " (" + id + ")", view, "cases");
}

http::ApiResponse preview(WebContext& web, Page& page) {
    const server::RenderedDocument doc = web.service.render(
        page.caller, page.param("id"),
        server::RenderRequest{page.param("type"), "html", page.request.param("meeting")});
    http::ApiResponse response;
    response.contentType = doc.contentType;
    response.body = doc.bytes;
    // A document carries its own print stylesheet; nothing in it may run or load anything.
    response.headers["Content-Security-Policy"] =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    response.headers["X-Content-Type-Options"] = "nosniff";
    response.headers["Cache-Control"] = "no-store";
    return response;
}

http::ApiResponse issue(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    std::string format = page.form.get("format");
    if (format.empty()) format = "pdf";
    if (format != "pdf" && format != "html")
        throw server::BadRequestException("choose PDF or HTML");
    web.service.issue(
        page.caller, id,
        server::RenderRequest{page.form.get("type"), format, page.form.get("meeting")});
    return WebContext::redirect("/cases/" + id + "?done=issued#documents");
}

http::ApiResponse downloadDocument(WebContext& web, Page& page) {
    const store::StoredDocument doc = web.service.document(page.caller, page.param("doc_id"));
    return WebContext::download(doc.contentType, doc.bytes, doc.docId + "." + doc.format);
}

http::ApiResponse reopen(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    web.service.reopen(page.caller, id, page.form.get("reason"));
    return WebContext::redirect("/cases/" + id + "?done=reopened");
}

http::ApiResponse close(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    web.service.close(page.caller, id);
    return WebContext::redirect("/cases/" + id + "?done=closed");
}

}  // namespace

void CasePages::addRoutes(WebContext& web, const AddRoute& add) {
    add("GET", "/cases", [&web](Page& p) { return caseload(web, p); });
    CaseForms::addRoutes(web, add);
    add("GET", "/cases/{id}", [&web](Page& p) { return casePage(web, p); });
    add("GET", "/cases/{id}/preview/{type}", [&web](Page& p) { return preview(web, p); });
    add("POST", "/cases/{id}/documents", [&web](Page& p) { return issue(web, p); });
    add("GET", "/documents/{doc_id}", [&web](Page& p) { return downloadDocument(web, p); });
    add("POST", "/cases/{id}/close", [&web](Page& p) { return close(web, p); });
    add("POST", "/cases/{id}/reopen", [&web](Page& p) { return reopen(web, p); });
}

}  // namespace ehdocs::web
