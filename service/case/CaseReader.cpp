#include "case/CaseReader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "case/Vocabulary.h"

namespace ehdocs {
namespace {

using Poco::Dynamic::Var;
using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;
using Enum = vocabulary::Values;

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            out += '?';
            continue;
        }
        out += c;
    }
    // Long values would drown the message; the path says where to look.
    if (out.size() > 80) out = out.substr(0, 77) + "...";
    return out + "\"";
}

std::string joined(const Enum& values) {
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string typeName(const Var& v) {
    if (v.isEmpty()) return "null";
    if (v.isString()) return "text";
    if (v.isBoolean()) return "true/false";
    if (v.isNumeric()) return "a number";
    if (v.type() == typeid(ObjectPtr)) return "an object";
    if (v.type() == typeid(ArrayPtr)) return "a list";
    return "an unknown value";
}

// Date and datetime shapes, told apart from impossible values so the message can say which.
bool looksLikeDate(const std::string& s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

enum class RefKind { member, worker, memberOrWorker };

// Walks the parsed JSON with a path, turning each field into its typed value and collecting
// every problem. References are checked at the end, once every id is known.
class Walker {
public:
    explicit Walker(std::vector<ValidationError>& errors) : _errors(errors) {}

    void error(const std::string& path, const std::string& message) {
        _errors.push_back({path, message});
    }

    // --- single fields ----------------------------------------------------------------------

    // The field's value, or nothing when absent or null (an error when required).
    // Paths are built only when there is something to report: most fields are fine.
    std::optional<Var> field(const ObjectPtr& o, const std::string& key, const std::string& base,
                             bool required) {
        Var v = o->get(key);
        if (v.isEmpty()) {
            if (required) error(join(base, key), "is required");
            return std::nullopt;
        }
        return v;
    }

    std::string text(const ObjectPtr& o, const std::string& key, const std::string& base,
                     bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return {};
        if (!v->isString()) {
            error(join(base, key), "expected text, found " + typeName(*v));
            return {};
        }
        std::string s = v->extract<std::string>();
        if (required && s.empty()) error(join(base, key), "is required and may not be empty");
        return s;
    }

    std::string enumValue(const ObjectPtr& o, const std::string& key, const std::string& base,
                          const Enum& allowed, bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return {};
        return checkEnum(*v, join(base, key), allowed);
    }

    std::string checkEnum(const Var& v, const std::string& path, const Enum& allowed) {
        if (!v.isString()) {
            error(path, "expected one of " + joined(allowed) + ", found " + typeName(v));
            return {};
        }
        std::string s = v.extract<std::string>();
        for (const std::string& a : allowed)
            if (s == a) return s;
        error(path, "unknown value " + quoted(s) + "; allowed: " + joined(allowed));
        return {};
    }

    std::string id(const ObjectPtr& o, const std::string& key, const std::string& base,
                   bool required = true) {
        auto v = field(o, key, base, required);
        if (!v) return {};
        return checkId(*v, join(base, key));
    }

    std::string checkId(const Var& v, const std::string& path) {
        if (!v.isString()) {
            error(path, "expected an id (text), found " + typeName(v));
            return {};
        }
        std::string s = v.extract<std::string>();
        if (!isValidId(s)) {
            error(path, quoted(s) + " is not a valid id (1-64 characters of A-Z a-z 0-9 . _ -)");
            return {};
        }
        return s;
    }

    // A reference to a member or worker; resolved once the whole file is read.
    std::string ref(const ObjectPtr& o, const std::string& key, const std::string& base,
                    RefKind kind, bool required = false) {
        std::string value = id(o, key, base, required);
        if (!value.empty()) _refs.push_back({join(base, key), value, kind});
        return value;
    }

    IdList refList(const ObjectPtr& o, const std::string& key, const std::string& base,
                   RefKind kind) {
        IdList out;
        std::string path = join(base, key);
        forEach(o, key, path, [&](const Var& v, const std::string& itemPath) {
            std::string value = checkId(v, itemPath);
            if (!value.empty()) {
                _refs.push_back({itemPath, value, kind});
                out.push_back(value);
            }
        });
        return out;
    }

    bool boolean(const ObjectPtr& o, const std::string& key, const std::string& base) {
        auto v = field(o, key, base, false);
        if (!v) return false;
        if (!v->isBoolean()) {
            error(join(base, key), "expected true or false, found " + typeName(*v));
            return false;
        }
        return v->extract<bool>();
    }

    // A true/false the file may leave out: nothing when absent or null.
    std::optional<bool> optionalBoolean(const ObjectPtr& o, const std::string& key,
                                        const std::string& base) {
        auto v = field(o, key, base, false);
        if (!v) return std::nullopt;
        if (!v->isBoolean()) {
            error(join(base, key), "expected true or false, found " + typeName(*v));
            return std::nullopt;
        }
        return v->extract<bool>();
    }

    std::optional<double> number(const ObjectPtr& o, const std::string& key,
                                 const std::string& base, bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return std::nullopt;
        if (!v->isNumeric() || v->isBoolean()) {
            error(join(base, key), "expected a number, found " + typeName(*v));
            return std::nullopt;
        }
        return v->convert<double>();
    }

    std::optional<Date> date(const ObjectPtr& o, const std::string& key, const std::string& base,
                             bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return std::nullopt;
        if (!v->isString()) {
            error(join(base, key), "expected a date (YYYY-MM-DD), found " + typeName(*v));
            return std::nullopt;
        }
        std::string s = v->extract<std::string>();
        auto d = Date::parse(s);
        if (d) return d;
        if (s.size() == 10 && looksLikeDate(s))
            error(join(base, key), quoted(s) + " is not a real date");
        else
            error(join(base, key), quoted(s) + " is not a date (expected YYYY-MM-DD)");
        return std::nullopt;
    }

    std::optional<DateTime> dateTime(const ObjectPtr& o, const std::string& key,
                                     const std::string& base, bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return std::nullopt;
        if (!v->isString()) {
            error(join(base, key),
                  "expected a date and time (YYYY-MM-DDTHH:MM), found " + typeName(*v));
            return std::nullopt;
        }
        std::string s = v->extract<std::string>();
        auto dt = DateTime::parse(s);
        if (dt) return dt;
        if (looksLikeDate(s) && !Date::parse(s.substr(0, 10)))
            error(join(base, key), quoted(s) + " is not a real date");
        else
            error(join(base, key), quoted(s) +
                                       " is not a date and time (expected YYYY-MM-DDTHH:MM, " +
                                       "optionally :SS and a UTC offset)");
        return std::nullopt;
    }

    std::vector<Text> textList(const ObjectPtr& o, const std::string& key,
                               const std::string& base) {
        std::vector<Text> out;
        forEach(o, key, join(base, key), [&](const Var& v, const std::string& itemPath) {
            if (v.isString())
                out.push_back(v.extract<std::string>());
            else
                error(itemPath, "expected text, found " + typeName(v));
        });
        return out;
    }

    // --- structure --------------------------------------------------------------------------

    // The field as an object, or nullptr (absent, or not an object: reported).
    ObjectPtr object(const ObjectPtr& o, const std::string& key, const std::string& base,
                     bool required = false) {
        auto v = field(o, key, base, required);
        if (!v) return nullptr;
        return asObject(*v, join(base, key));
    }

    ObjectPtr asObject(const Var& v, const std::string& path) {
        if (v.type() == typeid(ObjectPtr)) return v.extract<ObjectPtr>();
        error(path, "expected an object, found " + typeName(v));
        return nullptr;
    }

    // Calls `each` for every item of a list field (absent or null = no items).
    void forEach(const ObjectPtr& o, const std::string& key, const std::string& path,
                 const std::function<void(const Var&, const std::string&)>& each,
                 bool required = false) {
        Var v = o->get(key);
        if (v.isEmpty()) {
            if (required) error(path, "is required");
            return;
        }
        if (v.type() != typeid(ArrayPtr)) {
            error(path, "expected a list, found " + typeName(v));
            return;
        }
        ArrayPtr items = v.extract<ArrayPtr>();
        for (size_t i = 0; i < items->size(); ++i)
            each(items->get(static_cast<unsigned>(i)), path + "[" + std::to_string(i) + "]");
    }

    // Reads a list of objects with `read` (each item's object and path).
    template <typename T>
    std::vector<T> objects(const ObjectPtr& o, const std::string& key, const std::string& base,
                           const std::function<T(const ObjectPtr&, const std::string&)>& read,
                           bool required = false) {
        std::vector<T> out;
        forEach(
            o, key, join(base, key),
            [&](const Var& v, const std::string& itemPath) {
                if (ObjectPtr item = asObject(v, itemPath)) out.push_back(read(item, itemPath));
            },
            required);
        return out;
    }

    // Reports repeated ids within one list.
    template <typename T>
    void uniqueIds(const std::vector<T>& items, const std::string& listPath) {
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].id.empty()) continue;
            auto [it, fresh] = seen.emplace(items[i].id, i);
            if (!fresh)
                error(listPath + "[" + std::to_string(i) + "].id",
                      "duplicate id " + quoted(items[i].id) + " (also at " + listPath + "[" +
                          std::to_string(it->second) + "])");
        }
    }

    void resolveReferences(const Case& c) {
        std::set<std::string> members, workers;
        for (const Member& m : c.family.members) members.insert(m.id);
        for (const Worker& w : c.workers) workers.insert(w.id);
        for (const PendingRef& r : _refs) {
            bool isMember = members.count(r.id) > 0, isWorker = workers.count(r.id) > 0;
            switch (r.kind) {
                case RefKind::member:
                    if (!isMember)
                        error(r.path, quoted(r.id) + " is not the id of a family member");
                    break;
                case RefKind::worker:
                    if (!isWorker) error(r.path, quoted(r.id) + " is not the id of a worker");
                    break;
                case RefKind::memberOrWorker:
                    if (!isMember && !isWorker)
                        error(r.path, quoted(r.id) + " is not the id of a family member or worker");
                    break;
            }
        }
    }

    static std::string join(const std::string& base, const std::string& key) {
        return base.empty() ? key : base + "." + key;
    }

private:
    struct PendingRef {
        std::string path, id;
        RefKind kind;
    };
    std::vector<ValidationError>& _errors;
    std::vector<PendingRef> _refs;
};

// --- one reader per part of the format --------------------------------------------------------

class CaseBuilder {
public:
    explicit CaseBuilder(std::vector<ValidationError>& errors) : w(errors) {}

    Case build(const ObjectPtr& root) {
        Case c;
        c.format = w.text(root, "format", "", true);
        if (!c.format.empty() && c.format != "ehdocs.case/1")
            w.error("format",
                    "unknown format " + quoted(c.format) + "; expected \"ehdocs.case/1\"");
        c.caseId = w.id(root, "case_id", "");
        c.profile = w.id(root, "profile", "", false);
        if (ObjectPtr s = w.object(root, "service", "", true)) c.service = service(s);
        c.status = w.enumValue(root, "status", "", vocabulary::caseStatus, true);
        c.levelOfNeed = w.enumValue(root, "level_of_need", "", vocabulary::levelOfNeed);
        if (ObjectPtr f = w.object(root, "family", "", true)) c.family = family(f);
        c.workers = w.objects<Worker>(
            root, "workers", "", [&](auto& o, auto& p) { return worker(o, p); }, true);
        w.uniqueIds(c.workers, "workers");
        for (const Worker& wk : c.workers) _workerIds.insert(wk.id);
        c.leadWorker = w.ref(root, "lead_worker", "", RefKind::worker);
        c.teamLeader = w.ref(root, "team_leader", "", RefKind::worker);
        if (ObjectPtr r = w.object(root, "referral", "", true)) c.referral = referral(r);
        if (ObjectPtr a = w.object(root, "allocation", "")) {
            c.allocation = allocation(a);
            if (!root->has("lead_worker") || root->get("lead_worker").isEmpty())
                w.error("lead_worker", "is required once the case is allocated");
        }
        c.contacts = w.objects<Contact>(root, "contacts", "",
                                        [&](auto& o, auto& p) { return contact(o, p); });
        w.uniqueIds(c.contacts, "contacts");
        if (ObjectPtr a = w.object(root, "assessment", ""))
            c.assessment = assessment(a, "assessment");
        c.plans = w.objects<Plan>(root, "plans", "", [&](auto& o, auto& p) { return plan(o, p); });
        c.meetings = w.objects<Meeting>(root, "meetings", "",
                                        [&](auto& o, auto& p) { return meeting(o, p); });
        w.uniqueIds(c.meetings, "meetings");
        c.chronology =
            w.objects<Event>(root, "chronology", "", [&](auto& o, auto& p) { return event(o, p); });
        c.supervision = w.objects<Supervision>(root, "supervision", "",
                                               [&](auto& o, auto& p) { return supervision(o, p); });
        c.agencyReferrals = w.objects<AgencyReferral>(
            root, "agency_referrals", "", [&](auto& o, auto& p) { return agencyReferral(o, p); });
        c.correspondence = w.objects<Correspondence>(
            root, "correspondence", "", [&](auto& o, auto& p) { return correspondence(o, p); });
        c.directWork = w.objects<DirectWork>(root, "direct_work", "",
                                             [&](auto& o, auto& p) { return directWork(o, p); });
        c.feedback = w.objects<Feedback>(root, "feedback", "",
                                         [&](auto& o, auto& p) { return feedback(o, p); });
        c.transfers = w.objects<Transfer>(root, "transfers", "",
                                          [&](auto& o, auto& p) { return transfer(o, p); });
        if (ObjectPtr cl = w.object(root, "closure", "")) c.closure = closure(cl);
        if (ObjectPtr sf = w.object(root, "supporting_families", ""))
            c.supportingFamilies = supportingFamilies(sf);
        c.documents = w.objects<IssuedDocument>(root, "documents", "",
                                                [&](auto& o, auto& p) { return document(o, p); });
        w.uniqueIds(c.documents, "documents");
        w.resolveReferences(c);
        return c;
    }

private:
    Service service(const ObjectPtr& o) {
        Service s;
        s.authority = w.text(o, "authority", "service");
        s.name = w.text(o, "name", "service");
        s.team = w.text(o, "team", "service");
        s.address = w.textList(o, "address", "service");
        s.phone = w.text(o, "phone", "service");
        s.email = w.text(o, "email", "service");
        return s;
    }

    Family family(const ObjectPtr& o) {
        Family f;
        f.familyName = w.text(o, "family_name", "family");
        if (ObjectPtr a = w.object(o, "address", "family")) {
            f.address.lines = w.textList(a, "lines", "family.address");
            f.address.town = w.text(a, "town", "family.address");
            f.address.postcode = w.text(a, "postcode", "family.address");
        }
        f.language = w.text(o, "language", "family");
        f.interpreterNeeded = w.boolean(o, "interpreter_needed", "family");
        f.members = w.objects<Member>(
            o, "members", "family", [&](auto& m, auto& p) { return member(m, p); }, true);
        w.uniqueIds(f.members, "family.members");
        if (o->has("members") && o->get("members").type() == typeid(ArrayPtr)) {
            bool anyChild = false;
            for (const Member& m : f.members) anyChild |= m.kind == "child" || m.kind == "unborn";
            if (!anyChild) w.error("family.members", "must include at least one child");
        }
        f.network = w.objects<NetworkLink>(o, "network", "family",
                                           [&](auto& n, auto& p) { return networkLink(n, p); });
        return f;
    }

    Member member(const ObjectPtr& o, const std::string& p) {
        Member m;
        m.id = w.id(o, "id", p);
        m.kind = w.enumValue(o, "kind", p, vocabulary::memberKind, true);
        m.firstName = w.text(o, "first_name", p, true);
        m.lastName = w.text(o, "last_name", p);
        m.preferredName = w.text(o, "preferred_name", p);
        if (m.kind == "unborn") {
            m.expectedDate = w.date(o, "expected_date", p, true);
            m.dob = w.date(o, "dob", p);
        } else {
            m.dob = w.date(o, "dob", p, true);
        }
        m.gender = w.text(o, "gender", p);
        m.ethnicity = w.text(o, "ethnicity", p);
        m.relationship = w.text(o, "relationship", p, true);
        m.parentalResponsibility = w.boolean(o, "parental_responsibility", p);
        m.inHousehold = w.boolean(o, "in_household", p);
        m.school = w.text(o, "school", p);
        m.receivesLetters = w.boolean(o, "receives_letters", p);
        m.consent = w.enumValue(o, "consent", p, vocabulary::childConsent);
        m.fatherOf = w.refList(o, "father_of", p, RefKind::member);
        m.motherOf = w.refList(o, "mother_of", p, RefKind::member);
        return m;
    }

    NetworkLink networkLink(const ObjectPtr& o, const std::string& p) {
        NetworkLink n;
        n.name = w.text(o, "name", p);
        n.relationship = w.text(o, "relationship", p);
        n.kind = w.enumValue(o, "kind", p, vocabulary::networkKind);
        n.strength = w.enumValue(o, "strength", p, vocabulary::linkStrength);
        n.members = w.refList(o, "members", p, RefKind::member);
        n.notes = w.text(o, "notes", p);
        return n;
    }

    Worker worker(const ObjectPtr& o, const std::string& p) {
        Worker x;
        x.id = w.id(o, "id", p);
        x.name = w.text(o, "name", p, true);
        x.role = w.enumValue(o, "role", p, vocabulary::workerRole, true);
        x.agency = w.text(o, "agency", p);
        x.team = w.text(o, "team", p);
        x.phone = w.text(o, "phone", p);
        x.email = w.text(o, "email", p);
        return x;
    }

    Referral referral(const ObjectPtr& o) {
        const std::string p = "referral";
        Referral r;
        if (auto dt = w.dateTime(o, "received", p, true)) r.received = *dt;
        r.source = w.enumValue(o, "source", p, vocabulary::referralSource);
        if (ObjectPtr ref = w.object(o, "referrer", p)) {
            r.referrer.name = w.text(ref, "name", "referral.referrer");
            r.referrer.agency = w.text(ref, "agency", "referral.referrer");
            r.referrer.email = w.text(ref, "email", "referral.referrer");
            r.referrer.phone = w.text(ref, "phone", "referral.referrer");
        }
        r.route = w.enumValue(o, "route", p, vocabulary::referralRoute, true);
        w.forEach(
            o, "reasons", "referral.reasons",
            [&](const Var& v, const std::string& ip) {
                std::string reason = w.checkEnum(v, ip, vocabulary::referralReason);
                if (!reason.empty()) r.reasons.push_back(reason);
            },
            true);
        if (o->has("reasons") && o->get("reasons").type() == typeid(ArrayPtr) &&
            o->getArray("reasons")->size() == 0)
            w.error("referral.reasons", "must name at least one reason");
        r.summary = w.text(o, "summary", p);
        if (ObjectPtr c = w.object(o, "consent", p)) {
            const std::string cp = "referral.consent";
            ReferralConsent consent;
            consent.given = w.boolean(c, "given", cp);
            consent.written = w.boolean(c, "written", cp);
            consent.date = w.date(c, "date", cp);
            consent.givenBy = w.ref(c, "given_by", cp, RefKind::member);
            consent.scope = w.text(c, "scope", cp);
            r.consent = consent;
        }
        if (ObjectPtr d = w.object(o, "decision", p)) {
            const std::string dp = "referral.decision";
            ReferralDecision decision;
            decision.outcome = w.enumValue(d, "outcome", dp, vocabulary::decisionOutcome);
            decision.date = w.dateTime(d, "date", dp);
            decision.by = w.ref(d, "by", dp, RefKind::worker);
            r.decision = decision;
        }
        return r;
    }

    Allocation allocation(const ObjectPtr& o) {
        const std::string p = "allocation";
        Allocation a;
        a.allocatedAt = w.dateTime(o, "allocated_at", p);
        a.worker = w.ref(o, "worker", p, RefKind::worker);
        a.allocatedBy = w.ref(o, "allocated_by", p, RefKind::worker);
        a.note = w.text(o, "note", p);
        a.wellbeingScore = w.number(o, "wellbeing_score", p);
        if (ObjectPtr t = w.object(o, "targets", p)) {
            const std::string tp = "allocation.targets";
            a.targets.firstVisit = w.date(t, "first_visit", tp);
            a.targets.assessment = w.date(t, "assessment", tp);
            a.targets.firstMeeting = w.date(t, "first_meeting", tp);
            a.targets.managerReview = w.date(t, "manager_review", tp);
        }
        return a;
    }

    std::vector<Words> words(const ObjectPtr& o, const std::string& key, const std::string& p) {
        return w.objects<Words>(o, key, p, [&](const ObjectPtr& item, const std::string& ip) {
            Words x;
            x.member = w.ref(item, "member", ip, RefKind::member);
            x.text = w.text(item, "text", ip);
            return x;
        });
    }

    Contact contact(const ObjectPtr& o, const std::string& p) {
        Contact c;
        c.id = w.id(o, "id", p);
        if (auto dt = w.dateTime(o, "at", p, true)) c.at = *dt;
        c.recordedAt = w.dateTime(o, "recorded_at", p);
        c.kind = w.enumValue(o, "kind", p, vocabulary::contactKind, true);
        c.worker = w.ref(o, "worker", p, RefKind::worker);
        c.location = w.text(o, "location", p);
        c.with = w.refList(o, "with", p, RefKind::member);
        c.childrenSeen = w.refList(o, "children_seen", p, RefKind::member);
        c.seenAlone = w.refList(o, "seen_alone", p, RefKind::member);
        c.voiceOfChild = words(o, "voice_of_child", p);
        c.summary = w.text(o, "summary", p);
        c.analysis = w.text(o, "analysis", p);
        c.nextSteps = w.text(o, "next_steps", p);
        c.significant = w.boolean(o, "significant", p);
        c.status = w.enumValue(o, "status", p, vocabulary::recordStatus, true);
        return c;
    }

    Score score(const ObjectPtr& o, const std::string& p) {
        Score s;
        s.tool = w.enumValue(o, "tool", p, vocabulary::scoreTool);
        s.area = w.text(o, "area", p);
        s.member = w.ref(o, "member", p, RefKind::member);
        if (auto n = w.number(o, "score", p, true)) s.score = *n;
        s.max = w.number(o, "max", p);
        s.date = w.date(o, "date", p);
        return s;
    }

    std::vector<Score> scores(const ObjectPtr& o, const std::string& key, const std::string& p) {
        return w.objects<Score>(o, key, p, [&](auto& item, auto& ip) { return score(item, ip); });
    }

    std::optional<Signature> signature(const ObjectPtr& o, const std::string& key,
                                       const std::string& p) {
        ObjectPtr s = w.object(o, key, p);
        if (!s) return std::nullopt;
        const std::string sp = Walker::join(p, key);
        return Signature{w.ref(s, "by", sp, RefKind::worker), w.date(s, "date", sp)};
    }

    Assessment assessment(const ObjectPtr& o, const std::string& p) {
        Assessment a;
        a.started = w.date(o, "started", p);
        a.completed = w.date(o, "completed", p);
        a.authorised = signature(o, "authorised", p);
        a.qualityAssured = signature(o, "quality_assured", p);
        a.sharedWithFamily = w.date(o, "shared_with_family", p);
        a.familyViews = w.text(o, "family_views", p);
        a.reasonForAssessment = w.text(o, "reason_for_assessment", p);
        a.familyStory = w.text(o, "family_story", p);
        a.networkSummary = w.text(o, "network_summary", p);
        a.strengths = w.textList(o, "strengths", p);
        a.worries = w.textList(o, "worries", p);
        a.whatNeedsToChange = w.text(o, "what_needs_to_change", p);
        a.familyGoals = w.textList(o, "family_goals", p);
        a.helpNeeded = w.text(o, "help_needed", p);
        a.childViews = words(o, "child_views", p);
        a.parentViews = words(o, "parent_views", p);
        a.analysis = w.text(o, "analysis", p);
        a.membersAssessed = w.refList(o, "members_assessed", p, RefKind::member);
        a.scores = scores(o, "scores", p);
        a.overdueReason = w.text(o, "overdue_reason", p);
        return a;
    }

    Action action(const ObjectPtr& o, const std::string& p) {
        Action a;
        a.id = w.id(o, "id", p);
        a.goal = w.id(o, "goal", p, false);
        a.action = w.text(o, "action", p, true);
        a.who = w.text(o, "who", p);
        a.owner = w.ref(o, "owner", p, RefKind::memberOrWorker);
        a.by = w.date(o, "by", p);
        a.status = w.enumValue(o, "status", p, vocabulary::actionStatus, true);
        a.note = w.text(o, "note", p);
        return a;
    }

    std::vector<Action> actions(const ObjectPtr& o, const std::string& p) {
        auto list = w.objects<Action>(o, "actions", p,
                                      [&](auto& item, auto& ip) { return action(item, ip); });
        w.uniqueIds(list, Walker::join(p, "actions"));
        return list;
    }

    Plan plan(const ObjectPtr& o, const std::string& p) {
        Plan x;
        if (auto v = w.number(o, "version", p, true)) {
            if (*v < 1 || *v != static_cast<int>(*v))
                w.error(Walker::join(p, "version"), "must be a whole number, 1 or more");
            else
                x.version = static_cast<int>(*v);
        }
        if (auto d = w.date(o, "date", p, true)) x.date = *d;
        x.meeting = w.id(o, "meeting", p, false);
        x.goals = w.objects<Goal>(o, "goals", p, [&](const ObjectPtr& g, const std::string& gp) {
            Goal goal;
            goal.id = w.id(g, "id", gp);
            goal.outcome = w.text(g, "outcome", gp, true);
            goal.members = w.refList(g, "members", gp, RefKind::member);
            goal.measure = w.text(g, "measure", gp);
            goal.sfOutcome = w.enumValue(g, "sf_outcome", gp, allHeadlines());
            return goal;
        });
        w.uniqueIds(x.goals, Walker::join(p, "goals"));
        x.actions = actions(o, p);
        x.contactPlan = w.text(o, "contact_plan", p);
        x.seenAlonePlan = w.text(o, "seen_alone_plan", p);
        x.reviewBy = w.date(o, "review_by", p);
        x.contingency = w.text(o, "contingency", p);
        return x;
    }

    Meeting meeting(const ObjectPtr& o, const std::string& p) {
        Meeting m;
        m.id = w.id(o, "id", p);
        m.kind = w.enumValue(o, "kind", p, vocabulary::meetingKind, true);
        if (auto dt = w.dateTime(o, "at", p, true)) m.at = *dt;
        m.location = w.text(o, "location", p);
        m.chair = w.ref(o, "chair", p, RefKind::worker);
        m.invitedAt = w.date(o, "invited_at", p);
        m.attendees =
            w.objects<Attendee>(o, "attendees", p, [&](const ObjectPtr& a, const std::string& ap) {
                Attendee x;
                x.name = w.text(a, "name", ap);
                x.role = w.text(a, "role", ap);
                x.agency = w.text(a, "agency", ap);
                x.member = w.ref(a, "member", ap, RefKind::member);
                x.worker = w.ref(a, "worker", ap, RefKind::worker);
                x.attended = w.boolean(a, "attended", ap);
                return x;
            });
        m.familyAttended = w.boolean(o, "family_attended", p);
        m.childViews = words(o, "child_views", p);
        m.discussion = w.text(o, "discussion", p);
        m.progress =
            w.objects<Progress>(o, "progress", p, [&](const ObjectPtr& g, const std::string& gp) {
                return Progress{w.id(g, "goal", gp, false), w.text(g, "rating", gp),
                                w.text(g, "comment", gp)};
            });
        m.decisions = w.textList(o, "decisions", p);
        m.actions = actions(o, p);
        m.scores = scores(o, "scores", p);
        m.nextMeeting = w.date(o, "next_meeting", p);
        m.minutesShared = w.date(o, "minutes_shared", p);
        return m;
    }

    Event event(const ObjectPtr& o, const std::string& p) {
        Event e;
        if (auto d = w.date(o, "date", p, true)) e.date = *d;
        e.event = w.text(o, "event", p, true);
        e.source = w.text(o, "source", p);
        e.impact = w.text(o, "impact", p);
        e.members = w.refList(o, "members", p, RefKind::member);
        return e;
    }

    Supervision supervision(const ObjectPtr& o, const std::string& p) {
        Supervision s;
        if (auto dt = w.dateTime(o, "at", p, true)) s.at = *dt;
        s.supervisor = w.ref(o, "supervisor", p, RefKind::worker);
        s.worker = w.ref(o, "worker", p, RefKind::worker);
        s.kind = w.enumValue(o, "kind", p, vocabulary::supervisionKind, true);
        s.point = w.enumValue(o, "point", p, vocabulary::supervisionPoint);
        s.discussion = w.text(o, "discussion", p);
        s.decisions = w.textList(o, "decisions", p);
        s.actions = w.textList(o, "actions", p);
        return s;
    }

    AgencyReferral agencyReferral(const ObjectPtr& o, const std::string& p) {
        AgencyReferral a;
        a.date = w.date(o, "date", p);
        a.agency = w.text(o, "agency", p);
        a.service = w.text(o, "service", p);
        a.reason = w.text(o, "reason", p);
        a.consent = w.boolean(o, "consent", p);
        a.outcome = w.text(o, "outcome", p);
        return a;
    }

    Correspondence correspondence(const ObjectPtr& o, const std::string& p) {
        Correspondence c;
        c.date = w.date(o, "date", p);
        c.direction = w.enumValue(o, "direction", p, vocabulary::correspondenceDirection);
        c.kind = w.enumValue(o, "kind", p, vocabulary::correspondenceKind);
        c.party = w.text(o, "party", p);
        c.subject = w.text(o, "subject", p);
        c.document = w.id(o, "document", p, false);
        return c;
    }

    DirectWork directWork(const ObjectPtr& o, const std::string& p) {
        DirectWork d;
        d.date = w.date(o, "date", p);
        d.title = w.text(o, "title", p);
        d.members = w.refList(o, "members", p, RefKind::member);
        d.description = w.text(o, "description", p);
        d.file = w.text(o, "file", p);
        return d;
    }

    Feedback feedback(const ObjectPtr& o, const std::string& p) {
        Feedback f;
        f.date = w.date(o, "date", p);
        f.member = w.ref(o, "member", p, RefKind::member);
        f.method = w.enumValue(o, "method", p, vocabulary::feedbackMethod);
        f.text = w.text(o, "text", p);
        f.score = w.number(o, "score", p);
        f.declined = w.boolean(o, "declined", p);
        return f;
    }

    TransferParty transferParty(const ObjectPtr& o, const std::string& key, const std::string& p) {
        TransferParty t;
        if (ObjectPtr x = w.object(o, key, p)) {
            const std::string xp = Walker::join(p, key);
            t.service = w.text(x, "service", xp);
            t.name = w.text(x, "name", xp);
            if (key == "to")
                receivingWorker(x, xp, t);
            else
                t.worker = w.ref(x, "worker", xp, RefKind::worker);
        }
        return t;
    }

    // `to.worker` is "`worker` or name": a worker id when it matches one, otherwise the name of
    // someone outside the case (kept in `name` unless the file gives `name` as well).
    void receivingWorker(const ObjectPtr& x, const std::string& xp, TransferParty& t) {
        std::string value = w.text(x, "worker", xp);
        if (value.empty()) return;
        if (_workerIds.count(value))
            t.worker = value;
        else if (t.name.empty())
            t.name = value;
    }

    Transfer transfer(const ObjectPtr& o, const std::string& p) {
        Transfer t;
        t.kind = w.enumValue(o, "kind", p, vocabulary::transferKind, true);
        if (auto d = w.date(o, "decided", p, true)) t.decided = *d;
        t.panel = w.text(o, "panel", p);
        t.effective = w.date(o, "effective", p);
        t.from = transferParty(o, "from", p);
        t.to = transferParty(o, "to", p);
        t.reason = w.text(o, "reason", p);
        t.handoverMeeting = w.date(o, "handover_meeting", p);
        t.endingLetter = w.date(o, "ending_letter", p);
        t.familyInformed = w.optionalBoolean(o, "family_informed", p).value_or(true);
        t.notInformedReason = w.text(o, "not_informed_reason", p);
        t.decidedBy = w.ref(o, "decided_by", p, RefKind::worker);
        return t;
    }

    Closure closure(const ObjectPtr& o) {
        const std::string p = "closure";
        Closure c;
        if (auto d = w.date(o, "date", p, true)) c.date = *d;
        c.reason = w.enumValue(o, "reason", p, vocabulary::closureReason, true);
        c.reasonDetail = w.text(o, "reason_detail", p);
        c.endingMeeting = w.id(o, "ending_meeting", p, false);
        c.noEndingMeetingReason = w.text(o, "no_ending_meeting_reason", p);
        c.workUndertaken = w.text(o, "work_undertaken", p);
        c.outcomesAchieved = w.text(o, "outcomes_achieved", p);
        c.ongoingSupport =
            w.objects<OngoingSupport>(o, "ongoing_support", p, [&](auto& s, auto& sp) {
                return OngoingSupport{w.text(s, "agency", sp), w.text(s, "support", sp)};
            });
        c.whoToContact = w.text(o, "who_to_contact", p);
        c.engagementAttempts =
            w.objects<EngagementAttempt>(o, "engagement_attempts", p, [&](auto& a, auto& ap) {
                return EngagementAttempt{w.date(a, "date", ap),
                                         w.enumValue(a, "method", ap, vocabulary::attemptMethod),
                                         w.text(a, "outcome", ap)};
            });
        c.referrerInformed = w.date(o, "referrer_informed", p);
        c.finalScores = scores(o, "final_scores", p);
        c.authorised = signature(o, "authorised", p);
        c.childrenNotSeen = childrenNotSeen(o, "children_not_seen", p);
        c.childrenNotSeenAlone = childrenNotSeen(o, "children_not_seen_alone", p);
        if (ObjectPtr s = w.object(o, "safeguarding_decision", p)) {
            const std::string sp = "closure.safeguarding_decision";
            SafeguardingDecision d;
            d.by = w.ref(s, "by", sp, RefKind::worker);
            d.date = w.date(s, "date", sp);
            d.referred = w.optionalBoolean(s, "referred", sp);
            d.reasoning = w.text(s, "reasoning", sp);
            c.safeguardingDecision = d;
        }
        return c;
    }

    std::vector<ChildNotSeen> childrenNotSeen(const ObjectPtr& o, const std::string& key,
                                              const std::string& p) {
        return w.objects<ChildNotSeen>(o, key, p, [&](auto& c, auto& cp) {
            return ChildNotSeen{w.ref(c, "member", cp, RefKind::member, true),
                                w.text(c, "reason", cp)};
        });
    }

    static const Enum& allHeadlines() {
        static const Enum all = [] {
            Enum e = vocabulary::headlinesSf2022;
            for (const std::string& h : vocabulary::headlinesTf2015) {
                bool present = false;
                for (const std::string& x : e) present |= x == h;
                if (!present) e.push_back(h);
            }
            return e;
        }();
        return all;
    }

    SupportingFamilies supportingFamilies(const ObjectPtr& o) {
        const std::string p = "supporting_families";
        SupportingFamilies sf;
        sf.framework = w.enumValue(o, "framework", p, vocabulary::sfFramework);
        // Headlines belong to the framework; without a known one, accept either list's.
        const Enum& headlines = sf.framework == "sf_2022"   ? vocabulary::headlinesSf2022
                                : sf.framework == "tf_2015" ? vocabulary::headlinesTf2015
                                                            : allHeadlines();
        sf.attached = w.date(o, "attached", p);
        sf.criteria = w.objects<SfCriterion>(o, "criteria", p, [&](auto& c, auto& cp) {
            SfCriterion x;
            x.headline = w.enumValue(c, "headline", cp, headlines);
            x.members = w.refList(c, "members", cp, RefKind::member);
            x.evidence = w.text(c, "evidence", cp);
            x.source = w.text(c, "source", cp);
            x.date = w.date(c, "date", cp);
            return x;
        });
        sf.wholeFamilyAssessment = w.boolean(o, "whole_family_assessment", p);
        sf.wholeFamilyPlan = w.boolean(o, "whole_family_plan", p);
        sf.leadWorkerRecognised = w.boolean(o, "lead_worker_recognised", p);
        sf.outcomes = w.objects<SfOutcome>(o, "outcomes", p, [&](auto& c, auto& cp) {
            SfOutcome x;
            x.headline = w.enumValue(c, "headline", cp, headlines);
            x.status = w.enumValue(c, "status", cp, vocabulary::sfStatus);
            x.achieved = w.date(c, "achieved", cp);
            x.sustainedUntil = w.date(c, "sustained_until", cp);
            x.evidence = w.text(c, "evidence", cp);
            x.source = w.text(c, "source", cp);
            return x;
        });
        if (ObjectPtr e = w.object(o, "employment", p)) {
            const std::string ep = "supporting_families.employment";
            sf.employment =
                SfEmployment{w.ref(e, "member", ep, RefKind::member), w.date(e, "started", ep),
                             w.date(e, "continuous_until", ep)};
        }
        if (ObjectPtr c = w.object(o, "claim", p)) {
            const std::string cp = "supporting_families.claim";
            sf.claim = SfClaim{w.enumValue(c, "kind", cp, vocabulary::claimKind),
                               w.date(c, "submitted", cp), w.text(c, "reference", cp)};
        }
        return sf;
    }

    IssuedDocument document(const ObjectPtr& o, const std::string& p) {
        IssuedDocument d;
        d.id = w.id(o, "id", p);
        d.type = w.id(o, "type", p);  // document type ids share the id alphabet
        if (auto dt = w.dateTime(o, "issued_at", p, true)) d.issuedAt = *dt;
        d.by = w.ref(o, "by", p, RefKind::worker);
        d.format = w.enumValue(o, "format", p, vocabulary::documentFormat);
        d.to = w.text(o, "to", p);
        d.sha256 = w.text(o, "sha256", p);
        d.templateVersion = w.text(o, "template_version", p);
        return d;
    }

    Walker w;
    std::set<std::string> _workerIds;  // known once `workers` is read, for `to.worker`
};

// Poco's parse handler, keeping track of where it is so that a key given twice in one object
// is reported at its path. Poco alone keeps the last copy silently, while another reader of
// the same stored file may keep the first: the team checked for access would not be the team
// that reader sees.
class DuplicateKeyHandler : public Poco::JSON::ParseHandler {
public:
    const std::vector<std::string>& duplicates() const { return _duplicates; }

    void startObject() override {
        open(true);
        ParseHandler::startObject();
    }
    void startArray() override {
        open(false);
        ParseHandler::startArray();
    }
    void endObject() override {
        _frames.pop_back();
        ParseHandler::endObject();
    }
    void endArray() override {
        _frames.pop_back();
        ParseHandler::endArray();
    }
    void key(const std::string& k) override {
        Frame& frame = _frames.back();
        frame.key = k;
        if (!frame.keys.insert(k).second) _duplicates.push_back(member(frame.path, k));
        ParseHandler::key(k);
    }
    void null() override {
        element();
        ParseHandler::null();
    }
    void value(int v) override { scalar(v); }
    void value(unsigned v) override { scalar(v); }
    void value(Poco::Int64 v) override { scalar(v); }
    void value(Poco::UInt64 v) override { scalar(v); }
    void value(const std::string& v) override { scalar(v); }
    void value(double v) override { scalar(v); }
    void value(bool v) override { scalar(v); }

private:
    struct Frame {
        bool object = true;
        std::string path;            // of this object or array
        std::set<std::string> keys;  // objects: the keys seen so far
        std::string key;             // objects: the key of the value being read
        std::size_t next = 0;        // arrays: the index of the next element
    };

    static std::string member(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }
    // The path of the value starting now (counting it, in an array).
    std::string here() {
        if (_frames.empty()) return "";
        Frame& frame = _frames.back();
        if (frame.object) return member(frame.path, frame.key);
        return frame.path + "[" + std::to_string(frame.next++) + "]";
    }
    void element() {
        if (!_frames.empty() && !_frames.back().object) ++_frames.back().next;
    }
    void open(bool object) {
        Frame frame;
        frame.object = object;
        frame.path = here();
        _frames.push_back(std::move(frame));
    }
    template <typename T>
    void scalar(const T& v) {
        element();
        ParseHandler::value(v);
    }

    std::vector<Frame> _frames;  // a heap stack: deep nesting costs no call depth here
    std::vector<std::string> _duplicates;
};

}  // namespace

bool isValidId(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            return false;
    return true;
}

ReadResult CaseReader::fromJson(const std::string& json) {
    ReadResult result;
    // Poco's parser only takes an object or a list at the top; say plainly what a case is.
    size_t first = json.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && json[first] != '{' && json[first] != '[') {
        result.errors.push_back({"", "a case file must be a JSON object (starting with '{')"});
        return result;
    }
    Var parsed;
    Poco::SharedPtr<DuplicateKeyHandler> keys = new DuplicateKeyHandler();
    try {
        Poco::JSON::Parser parser(keys);
        parsed = parser.parse(json);
    } catch (const Poco::Exception& e) {
        result.errors.push_back({"", "not valid JSON: " + e.message()});
        return result;
    }
    for (const std::string& path : keys->duplicates()) {
        result.errors.push_back(
            {path, "this key is given more than once in its object; give it once"});
    }
    if (!result.errors.empty()) return result;
    if (parsed.type() != typeid(ObjectPtr)) {
        result.errors.push_back(
            {"", "a case file must be a JSON object, found " + typeName(parsed)});
        return result;
    }
    Case c = CaseBuilder(result.errors).build(parsed.extract<ObjectPtr>());
    if (result.errors.empty()) result.kase = std::move(c);
    return result;
}

namespace {

// What a path that is not a regular file is, for the message.
std::string kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

}  // namespace

ReadResult CaseReader::fromFile(const std::string& path, std::size_t maxBytes) {
    ReadResult result;
    // Opened without blocking and checked before reading: a FIFO or a device given as a case
    // file would otherwise hang the reader (or never end).
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        result.errors.push_back({"", "cannot open " + path});
        return result;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        result.errors.push_back({"", "cannot read " + path + ": " + std::strerror(errno)});
        return result;
    }
    if (!S_ISREG(info.st_mode)) {
        result.errors.push_back({"", path + " is " + kindOf(info.st_mode) +
                                         ", not a case file: give the path of a .json file"});
        return result;
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size > maxBytes) {
        result.errors.push_back({"", path + " is " + std::to_string(size) +
                                         " bytes; the limit for a case file is " +
                                         std::to_string(maxBytes)});
        return result;
    }
    std::string json;
    json.reserve(size);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            result.errors.push_back({"", "cannot read " + path + ": " + std::strerror(errno)});
            return result;
        }
        if (n == 0) break;
        json.append(buffer, static_cast<std::size_t>(n));
        if (json.size() > maxBytes) {  // the file grew while being read
            result.errors.push_back({"", path + " is larger than the limit for a case file (" +
                                             std::to_string(maxBytes) + " bytes)"});
            return result;
        }
    }
    return fromJson(json);
}

}  // namespace ehdocs
