#include "server/CaseJson.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <cctype>
#include <sstream>

#include "server/Errors.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace ehdocs::server {

namespace {

Array::Ptr childArray(Object::Ptr parent, const std::string& key) {
    Array::Ptr child = parent->getArray(key);
    if (!child) {
        child = new Array();
        parent->set(key, child);
    }
    return child;
}

std::string idFromName(const std::string& name) {
    std::string id;
    for (char c : name) {
        const bool allowed =
            std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        id += allowed ? c : '_';
    }
    id = "user." + id;
    return id.substr(0, 64);
}

std::string workerRole(const std::string& userRole) {
    if (userRole == "coach" || userRole == "team_leader") return userRole;
    return "coordinator";
}

}  // namespace

Object::Ptr CaseJson::parse(const std::string& json) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    Poco::Dynamic::Var parsed;
    try {
        parsed = parser.parse(json);
    } catch (const Poco::Exception& e) {
        throw BadRequestException("the body is not valid JSON: " + e.displayText());
    }
    if (parsed.type() != typeid(Object::Ptr)) {
        throw BadRequestException("the body must be a JSON object");
    }
    return parsed.extract<Object::Ptr>();
}

std::string CaseJson::write(Object::Ptr kase) {
    std::ostringstream out;
    kase->stringify(out, 2);
    return out.str();
}

std::string CaseJson::workerFor(Object::Ptr kase, const store::User& user) {
    Array::Ptr workers = childArray(kase, "workers");
    std::string byName;
    int nameMatches = 0;
    for (std::size_t i = 0; i < workers->size(); ++i) {
        Object::Ptr worker = workers->getObject(static_cast<unsigned>(i));
        if (!worker) continue;
        const std::string id = worker->optValue<std::string>("id", "");
        if (id == user.name) return id;
        if (Poco::icompare(worker->optValue<std::string>("name", ""), user.name) == 0) {
            byName = id;
            ++nameMatches;
        }
    }
    if (nameMatches == 1) return byName;
    const std::string id = idFromName(user.name);
    for (std::size_t i = 0; i < workers->size(); ++i) {
        Object::Ptr worker = workers->getObject(static_cast<unsigned>(i));
        if (worker && worker->optValue<std::string>("id", "") == id) return id;
    }
    Object::Ptr added = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    added->set("id", id);
    added->set("name", user.name);
    added->set("role", workerRole(user.role));
    if (!user.team.empty()) added->set("team", user.team);
    workers->add(added);
    return id;
}

void CaseJson::authoriseClosure(Object::Ptr kase, const std::string& workerId,
                                const std::string& date) {
    Object::Ptr closure = kase->getObject("closure");
    if (!closure) throw ConflictException("the case has no closure section to authorise");
    Object::Ptr authorised = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    authorised->set("by", workerId);
    authorised->set("date", date);
    closure->set("authorised", authorised);
    kase->set("status", "closed");
}

void CaseJson::reopen(Object::Ptr kase, const std::string& date, const std::string& reason,
                      const std::string& byName) {
    if (Object::Ptr closure = kase->getObject("closure")) closure->remove("authorised");
    kase->set("status", "open");
    Object::Ptr event = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    event->set("date", date);
    event->set("event", "Case reopened: " + reason);
    event->set("source", "ehdocs: reopened by " + byName);
    childArray(kase, "chronology")->add(event);
}

std::string CaseJson::authorisedText(Object::Ptr kase) {
    Object::Ptr closure = kase->getObject("closure");
    if (!closure || !closure->has("authorised")) return "";
    // Re-read without key order, so that the text does not depend on how the keys were sent.
    std::ostringstream original;
    Poco::JSON::Stringifier::stringify(closure->get("authorised"), original);
    Poco::JSON::Parser parser;
    std::ostringstream canonical;
    Poco::JSON::Stringifier::stringify(parser.parse(original.str()), canonical);
    return canonical.str();
}

void CaseJson::appendDocument(Object::Ptr kase, const IssuedDocumentEntry& doc) {
    Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("id", doc.id);
    entry->set("type", doc.type);
    entry->set("issued_at", doc.issuedAt);
    entry->set("by", doc.by);
    entry->set("format", doc.format);
    entry->set("sha256", doc.sha256);
    if (!doc.templateVersion.empty()) entry->set("template_version", doc.templateVersion);
    childArray(kase, "documents")->add(entry);
}

void CaseJson::appendLetter(Object::Ptr kase, const std::string& date, const std::string& subject,
                            const std::string& docId) {
    Object::Ptr family = kase->getObject("family");
    const std::string familyName = family ? family->optValue<std::string>("family_name", "") : "";
    Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("date", date);
    entry->set("direction", "sent");
    entry->set("kind", "letter");
    entry->set("party", familyName.empty() ? "The family" : "The " + familyName + " family");
    entry->set("subject", subject);
    entry->set("document", docId);
    childArray(kase, "correspondence")->add(entry);
}

Object::Ptr CaseJson::supportingFamiliesView(Object::Ptr kase) {
    Object::Ptr view = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const char* key : {"format", "case_id", "status"}) {
        if (kase->has(key)) view->set(key, kase->get(key));
    }
    if (Object::Ptr service = kase->getObject("service")) {
        Object::Ptr team = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const char* key : {"authority", "name", "team"}) {
            if (service->has(key)) team->set(key, service->get(key));
        }
        view->set("service", team);
    }
    if (Object::Ptr family = kase->getObject("family")) {
        Object::Ptr slim = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        if (family->has("family_name")) slim->set("family_name", family->get("family_name"));
        Array::Ptr members = new Array();
        if (Array::Ptr all = family->getArray("members")) {
            for (std::size_t i = 0; i < all->size(); ++i) {
                Object::Ptr member = all->getObject(static_cast<unsigned>(i));
                if (!member) continue;
                // The consent rule: a child whose consent is not `given` is named only in
                // the subject-access archive.
                if (member->optValue<std::string>("kind", "") == "child" &&
                    member->optValue<std::string>("consent", "") != "given") {
                    continue;
                }
                Object::Ptr m = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
                for (const char* key : {"id", "kind", "first_name", "last_name"}) {
                    if (member->has(key)) m->set(key, member->get(key));
                }
                members->add(m);
            }
        }
        slim->set("members", members);
        view->set("family", slim);
    }
    if (kase->has("supporting_families")) {
        view->set("supporting_families", kase->get("supporting_families"));
    }
    return view;
}

}  // namespace ehdocs::server
