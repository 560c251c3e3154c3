// The forms that write a case file: recording the closure section, and uploading a case file
// (a new case, or a new version of one). Both are saved through CaseService (create, update
// with the version the form was opened on: If-Match semantics), so validation, the closure
// gate and the audit trail apply as they do to the API. A stale form is refused, with the
// user's entries kept on the page; validation errors are listed by their path in words.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <sstream>

#include "case/CaseReader.h"
#include "case/Vocabulary.h"
#include "render/Labels.h"
#include "server/Errors.h"
#include "web/CaseWords.h"
#include "web/PageRoutes.h"
#include "web/WebContext.h"

using ehdocs::render::View;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace ehdocs::web {

namespace {

const char* const kReasons[] = {"goals_achieved", "work_complete_universal_support",
                                "stepped_up",     "consent_withdrawn",
                                "disengaged",     "moved_away",
                                "other"};

// The text fields of the closure section, as the form names them and the case file keys them.
const char* const kTextFields[] = {"date",
                                   "reason",
                                   "reason_detail",
                                   "work_undertaken",
                                   "outcomes_achieved",
                                   "who_to_contact",
                                   "referrer_informed",
                                   "no_ending_meeting_reason",
                                   "ending_meeting"};

Object::Ptr parseObject(const std::string& json) {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object::Ptr>();
}

std::string stringify(const Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

int formVersion(const Form& form) {
    int version = 0;
    if (!Poco::NumberParser::tryParse(form.get("version"), version) || version < 1) {
        throw server::BadRequestException(
            "the form has no case version; open it again from the case");
    }
    return version;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    Poco::StringTokenizer tokens(
        text, "\n", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& t : tokens) out.push_back(t);
    return out;
}

// An empty list is left out, as the case format reads a missing list as "none recorded".
void setOrRemove(Object::Ptr object, const std::string& key, const Array::Ptr& list) {
    if (list->size() > 0) {
        object->set(key, list);
    } else {
        object->remove(key);
    }
}

View errorList(const std::vector<std::pair<std::string, std::string>>& errors) {
    View list = View::list();
    for (const auto& [where, message] : errors) {
        View item;
        item.set("where", where).set("message", message);
        list.push(item);
    }
    return list;
}

// --- the closure section <-> the form ------------------------------------------------------

struct ClosureForm {
    std::map<std::string, std::string> text;     // by kTextFields name
    std::string ongoing, attempts;               // one entry a line
    std::map<std::string, std::string> notSeen;  // member id -> reason
    std::string sgBy, sgDate, sgReasoning;
    bool sgReferred = false;
};

ClosureForm fromCase(const Object::Ptr& kase) {
    ClosureForm f;
    Object::Ptr c = kase->getObject("closure");
    if (!c) return f;
    for (const char* name : kTextFields) f.text[name] = c->optValue<std::string>(name, "");
    if (Array::Ptr support = c->getArray("ongoing_support")) {
        for (std::size_t i = 0; i < support->size(); ++i) {
            Object::Ptr s = support->getObject(static_cast<unsigned>(i));
            f.ongoing += s->optValue<std::string>("agency", "") + ": " +
                         s->optValue<std::string>("support", "") + "\n";
        }
    }
    if (Array::Ptr attempts = c->getArray("engagement_attempts")) {
        for (std::size_t i = 0; i < attempts->size(); ++i) {
            Object::Ptr a = attempts->getObject(static_cast<unsigned>(i));
            f.attempts += a->optValue<std::string>("date", "") + ", " +
                          a->optValue<std::string>("method", "") + ", " +
                          a->optValue<std::string>("outcome", "") + "\n";
        }
    }
    if (Array::Ptr notSeen = c->getArray("children_not_seen")) {
        for (std::size_t i = 0; i < notSeen->size(); ++i) {
            Object::Ptr n = notSeen->getObject(static_cast<unsigned>(i));
            f.notSeen[n->optValue<std::string>("member", "")] =
                n->optValue<std::string>("reason", "");
        }
    }
    if (Object::Ptr sg = c->getObject("safeguarding_decision")) {
        f.sgBy = sg->optValue<std::string>("by", "");
        f.sgDate = sg->optValue<std::string>("date", "");
        f.sgReasoning = sg->optValue<std::string>("reasoning", "");
        f.sgReferred = sg->optValue<bool>("referred", false);
    }
    return f;
}

ClosureForm fromForm(const Form& form, const Object::Ptr& kase) {
    ClosureForm f;
    for (const char* name : kTextFields) f.text[name] = Poco::trim(form.get(name));
    f.ongoing = form.get("ongoing_support");
    f.attempts = form.get("engagement_attempts");
    if (Array::Ptr members = kase->getObject("family")->getArray("members")) {
        for (std::size_t i = 0; i < members->size(); ++i) {
            const std::string id =
                members->getObject(static_cast<unsigned>(i))->optValue<std::string>("id", "");
            const std::string reason = Poco::trim(form.get("not_seen_" + id));
            if (!reason.empty()) f.notSeen[id] = reason;
        }
    }
    f.sgBy = form.get("sg_by");
    f.sgDate = Poco::trim(form.get("sg_date"));
    f.sgReasoning = Poco::trim(form.get("sg_reasoning"));
    f.sgReferred = form.get("sg_referred") == "yes";
    return f;
}

// Writes the form into the case's closure section, keeping what the form does not show
// (final scores, the authorisation, fields this service does not know). Problems with the
// form's own line formats are returned; the case file's rules are the service's to check.
std::vector<std::pair<std::string, std::string>> applyClosure(const ClosureForm& f,
                                                              Object::Ptr kase) {
    std::vector<std::pair<std::string, std::string>> problems;
    Object::Ptr c = kase->getObject("closure");
    if (!c) {
        c = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        kase->set("closure", c);
    }
    for (const char* name : kTextFields) {
        const std::string& value = f.text.at(name);
        if (value.empty()) {
            c->remove(name);
        } else {
            c->set(name, value);
        }
    }
    Array::Ptr support = new Array();
    int n = 0;
    for (const std::string& line : lines(f.ongoing)) {
        ++n;
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            problems.emplace_back("Ongoing support, line " + std::to_string(n),
                                  "write it as the agency, a colon, then what they will do "
                                  "(\"School: weekly check-ins\")");
            continue;
        }
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("agency", Poco::trim(line.substr(0, colon)));
        item->set("support", Poco::trim(line.substr(colon + 1)));
        support->add(item);
    }
    setOrRemove(c, "ongoing_support", support);
    Array::Ptr attempts = new Array();
    n = 0;
    for (const std::string& line : lines(f.attempts)) {
        ++n;
        Poco::StringTokenizer parts(line, ",", Poco::StringTokenizer::TOK_TRIM);
        if (parts.count() < 3) {
            problems.emplace_back("Attempts to engage, line " + std::to_string(n),
                                  "write the date, the method and the outcome, separated by commas "
                                  "(\"2026-09-02, telephone, No answer\")");
            continue;
        }
        std::string outcome = line.substr(line.find(',', line.find(',') + 1) + 1);
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("date", parts[0]);
        item->set("method", parts[1]);
        item->set("outcome", Poco::trim(outcome));
        attempts->add(item);
    }
    setOrRemove(c, "engagement_attempts", attempts);
    Array::Ptr notSeen = new Array();
    for (const auto& [member, reason] : f.notSeen) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("member", member);
        item->set("reason", reason);
        notSeen->add(item);
    }
    setOrRemove(c, "children_not_seen", notSeen);
    if (f.sgBy.empty() && f.sgDate.empty() && f.sgReasoning.empty()) {
        c->remove("safeguarding_decision");
    } else {
        Object::Ptr sg = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        if (!f.sgBy.empty()) sg->set("by", f.sgBy);
        if (!f.sgDate.empty()) sg->set("date", f.sgDate);
        sg->set("referred", f.sgReferred);
        if (!f.sgReasoning.empty()) sg->set("reasoning", f.sgReasoning);
        c->set("safeguarding_decision", sg);
    }
    return problems;
}

View closureView(const ClosureForm& f, const Object::Ptr& kase) {
    View view;
    for (const auto& [name, value] : f.text) view.set(name, value);
    View reasons = View::list();
    for (const char* r : kReasons) {
        View o;
        o.set("value", r)
            .set("text", render::label(r))
            .set("selected", f.text.count("reason") && f.text.at("reason") == r);
        reasons.push(o);
    }
    view.set("reasons", reasons);
    View meetings = View::list(), workers = View::list(), children = View::list();
    if (Array::Ptr list = kase->getArray("meetings")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            Object::Ptr m = list->getObject(static_cast<unsigned>(i));
            if (m->optValue<std::string>("kind", "") != "ending") continue;
            const std::string id = m->optValue<std::string>("id", "");
            View o;
            o.set("value", id).set("text", "Ending meeting, " + m->optValue<std::string>("at", ""));
            o.set("selected", f.text.count("ending_meeting") && f.text.at("ending_meeting") == id);
            meetings.push(o);
        }
    }
    if (Array::Ptr list = kase->getArray("workers")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            Object::Ptr w = list->getObject(static_cast<unsigned>(i));
            const std::string id = w->optValue<std::string>("id", "");
            View o;
            o.set("value", id)
                .set("text", w->optValue<std::string>("name", id) + " (" +
                                 render::roleTitle(w->optValue<std::string>("role", "")) + ")");
            o.set("selected", f.sgBy == id);
            workers.push(o);
        }
    }
    if (Array::Ptr list = kase->getObject("family")->getArray("members")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            Object::Ptr m = list->getObject(static_cast<unsigned>(i));
            if (m->optValue<std::string>("kind", "") != "child") continue;
            const std::string id = m->optValue<std::string>("id", "");
            View o;
            o.set("id", id).set("name", m->optValue<std::string>("first_name", id) + " " +
                                            m->optValue<std::string>("last_name", ""));
            o.set("reason", f.notSeen.count(id) ? f.notSeen.at(id) : "");
            children.push(o);
        }
    }
    view.set("meetings", meetings).set("workers", workers).set("children", children);
    view.set("any_children", !children.empty());
    view.set("ongoing_support", f.ongoing).set("engagement_attempts", f.attempts);
    view.set("sg_date", f.sgDate)
        .set("sg_reasoning", f.sgReasoning)
        .set("sg_referred", f.sgReferred);
    return view;
}

http::ApiResponse closurePage(WebContext& web, Page& page, const store::CaseRecord& record,
                              const ClosureForm& form, int version, View problems,
                              const std::string& stale, int status) {
    const Object::Ptr kase = parseObject(record.json);
    View view = closureView(form, kase);
    view.set("case_id", record.caseId).set("version", std::to_string(version));
    view.set("errors", problems).set("any_errors", !problems.empty());
    view.set("stale", stale);
    view.set("back_href", "/cases/" + record.caseId).set("back_text", "Back to the case");
    return web.page(page, "closure", "Record the closure of " + record.caseId, view, "cases",
                    status);
}

http::ApiResponse closureForm(WebContext& web, Page& page) {
    const store::CaseRecord record = web.service.get(page.caller, page.param("id"));
    if (record.status != "open") {
        throw server::CaseClosedException(
            "the case is closed; reopen it before changing the closure record");
    }
    return closurePage(web, page, record, fromCase(parseObject(record.json)), record.version,
                       View::list(), "", 200);
}

http::ApiResponse saveClosure(WebContext& web, Page& page) {
    const std::string id = page.param("id");
    const int version = formVersion(page.form);
    const store::CaseRecord current = web.service.get(page.caller, id);
    Object::Ptr kase = parseObject(current.json);
    const ClosureForm form = fromForm(page.form, kase);
    if (current.version != version) {
        // The service would refuse the write too (412); here the user keeps what they typed.
        web.service.recordRefusal(
            page.caller, id, "POST /cases/" + id + "/closure", "stale_version",
            "the closure form was opened on version " + std::to_string(version) +
                "; the case is at version " + std::to_string(current.version));
        return closurePage(
            web, page, current, form, version, View::list(),
            "Someone else saved this case (version " + std::to_string(current.version) +
                ") after you opened this form (version " + std::to_string(version) +
                "). Nothing was saved. Your entries are still below: copy what you need, "
                "then open the form again to see their changes.",
            412);
    }
    const auto problems = applyClosure(form, kase);
    if (!problems.empty()) {
        return closurePage(web, page, current, form, version, errorList(problems), "", 422);
    }
    try {
        web.service.update(page.caller, id, version, stringify(kase));
    } catch (const server::InvalidCaseException& e) {
        std::vector<std::pair<std::string, std::string>> errors;
        for (const std::string& line : detailLines(e.details())) {
            const auto colon = line.find(": ");
            errors.emplace_back(line.substr(0, colon),
                                colon == std::string::npos ? "" : line.substr(colon + 2));
        }
        return closurePage(web, page, current, form, version, errorList(errors), "", 422);
    } catch (const server::StaleVersionException&) {
        return closurePage(web, page, current, form, version, View::list(),
                           "Someone else saved this case while you were saving. Nothing was saved; "
                           "open the form again to see their changes.",
                           412);
    }
    return WebContext::redirect("/cases/" + id + "?done=closure");
}

// --- uploading a case file ----------------------------------------------------------------

http::ApiResponse uploadPage(WebContext& web, Page& page, const std::string& caseId, int version,
                             View errors, int status) {
    View view;
    view.set("replacing", !caseId.empty()).set("case_id", caseId);
    view.set("action", caseId.empty() ? "/cases/new" : "/cases/" + caseId + "/file");
    view.set("version", version ? std::to_string(version) : "");
    view.set("errors", errors).set("any_errors", !errors.empty());
    view.set("back_href", caseId.empty() ? "/cases" : "/cases/" + caseId);
    view.set("back_text", caseId.empty() ? "Back to cases" : "Back to the case");
    return web.page(page, "upload",
                    caseId.empty() ? "Add a case" : "Replace the case file of " + caseId, view,
                    "cases", status);
}

View validationErrors(const server::InvalidCaseException& e) {
    std::vector<std::pair<std::string, std::string>> errors;
    for (const std::string& line : detailLines(e.details())) {
        const auto colon = line.find(": ");
        errors.emplace_back(line.substr(0, colon),
                            colon == std::string::npos ? "" : line.substr(colon + 2));
    }
    if (errors.empty()) errors.emplace_back("The file", e.message());
    return errorList(errors);
}

http::ApiResponse saveUpload(WebContext& web, Page& page, const std::string& caseId) {
    const int version = caseId.empty() ? 0 : formVersion(page.form);
    const UploadedFile* file = page.form.file("case_file");
    if (!file || file->bytes.empty()) {
        return uploadPage(web, page, caseId, version,
                          errorList({{"Case file", "choose the case file (.json) to upload"}}),
                          422);
    }
    try {
        if (caseId.empty()) {
            const store::CaseRecord created = web.service.create(page.caller, file->bytes);
            return WebContext::redirect("/cases/" + created.caseId + "?done=created");
        }
        web.service.update(page.caller, caseId, version, file->bytes);
        return WebContext::redirect("/cases/" + caseId + "?done=uploaded");
    } catch (const server::InvalidCaseException& e) {
        return uploadPage(web, page, caseId, version, validationErrors(e), 422);
    } catch (const server::BadRequestException& e) {
        return uploadPage(web, page, caseId, version, errorList({{"The file", e.message()}}), 422);
    } catch (const server::StaleVersionException&) {
        return uploadPage(
            web, page, caseId, version,
            errorList({{"Version",
                        "someone else saved this case after you opened this form, so "
                        "nothing was saved; open the case again to see their changes"}}),
            412);
    }
}

}  // namespace

void CaseForms::addRoutes(WebContext& web, const AddRoute& add) {
    add("GET", "/cases/{id}/closure", [&web](Page& p) { return closureForm(web, p); });
    add("POST", "/cases/{id}/closure", [&web](Page& p) { return saveClosure(web, p); });
    add("GET", "/cases/new",
        [&web](Page& p) { return uploadPage(web, p, "", 0, View::list(), 200); });
    add("POST", "/cases/new", [&web](Page& p) { return saveUpload(web, p, ""); });
    add("GET", "/cases/{id}/file", [&web](Page& p) {
        const store::CaseRecord record = web.service.get(p.caller, p.param("id"));
        return uploadPage(web, p, record.caseId, record.version, View::list(), 200);
    });
    add("POST", "/cases/{id}/file", [&web](Page& p) { return saveUpload(web, p, p.param("id")); });
}

}  // namespace ehdocs::web
