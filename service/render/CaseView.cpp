#include "render/CaseView.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "render/Labels.h"

namespace ehdocs::render {
namespace {

std::string number(double value) {
    char buf[32];
    if (std::fabs(value - std::round(value)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", value);
    else
        std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

std::string yesNo(bool value) {
    return value ? "Yes" : "No";
}

}  // namespace

std::string ukDate(const std::optional<Date>& date) {
    return date ? date->uk() : std::string();
}
std::string ukDate(const Date& date) {
    return date.uk();
}

std::string scoreText(const Score& s) {
    return s.max ? number(s.score) + "/" + number(*s.max) : number(s.score);
}

std::vector<std::string> withheldNames(const Case& kase) {
    std::vector<std::string> out, kept;
    for (const Member& m : kase.family.members) {
        std::vector<std::string>& list = m.isChild() && !m.hasConsent() ? out : kept;
        list.push_back(m.firstName);
        if (!m.preferredName.empty()) list.push_back(m.preferredName);
        if (!m.lastName.empty()) list.push_back(m.firstName + " " + m.lastName);
        if (!m.lastName.empty() && !m.preferredName.empty())
            list.push_back(m.preferredName + " " + m.lastName);
    }
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::string& n) {
                                 return n.empty() ||
                                        std::find(kept.begin(), kept.end(), n) != kept.end();
                             }),
              out.end());
    // Full names first, so "Zofia Nowak" goes as a whole.
    std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        return a.size() > b.size();
    });
    return out;
}

std::string withholdNames(const std::string& text, const std::vector<std::string>& names) {
    auto isWordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (static_cast<unsigned char>(c) >= 0x80);
    };
    std::string out = text;
    for (const std::string& name : names) {
        size_t pos = 0;
        while ((pos = out.find(name, pos)) != std::string::npos) {
            size_t end = pos + name.size();
            bool whole = (pos == 0 || !isWordChar(out[pos - 1])) &&
                         (end == out.size() || !isWordChar(out[end]));
            if (!whole) {
                pos = end;
                continue;
            }
            static const std::string kWithheld = "[name withheld]";
            out.replace(pos, name.size(), kWithheld);
            pos += kWithheld.size();
        }
    }
    return out;
}

CaseView::CaseView(const Case& kase, Date producedOn, const rules::CheckReport* readiness)
    : _case(kase), _producedOn(producedOn), _readiness(readiness) {
    for (const Member& m : kase.family.members)
        if (m.isChild() && !m.hasConsent()) _excluded.insert(m.id);
}

IdList CaseView::keep(const IdList& ids) const {
    IdList out;
    for (const Id& id : ids)
        if (included(id)) out.push_back(id);
    return out;
}

bool CaseView::onlyExcluded(const IdList& ids) const {
    if (ids.empty()) return false;
    return std::none_of(ids.begin(), ids.end(), [this](const Id& id) { return included(id); });
}

std::vector<const Member*> CaseView::members() const {
    std::vector<const Member*> out;
    for (const Member& m : _case.family.members)
        if (included(m.id)) out.push_back(&m);
    return out;
}

std::string CaseView::memberName(const Id& id) const {
    const Member* m = _case.member(id);
    if (!m || !included(id)) return "";
    std::string first = m->preferredName.empty() ? m->firstName : m->preferredName;
    return m->lastName.empty() ? first : first + " " + m->lastName;
}

std::string CaseView::calledName(const Id& id) const {
    const Member* m = _case.member(id);
    if (!m || !included(id)) return "";
    return m->preferredName.empty() ? m->firstName : m->preferredName;
}

std::string CaseView::workerName(const Id& id) const {
    const Worker* w = _case.worker(id);
    return w ? w->name : "";
}

std::string CaseView::personName(const Id& id) const {
    if (id.empty()) return "";
    if (_case.worker(id)) return workerName(id);
    return memberName(id);
}

std::string CaseView::names(const IdList& ids) const {
    std::string out;
    for (const Id& id : ids) {
        std::string name = memberName(id);
        if (name.empty()) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

std::string CaseView::age(const Member& m) const {
    if (m.kind == "unborn") return m.expectedDate ? "expected " + m.expectedDate->uk() : "unborn";
    if (!m.dob) return "";
    return std::to_string(ageOn(*m.dob, _producedOn));
}

View CaseView::memberRow(const Member& m) const {
    View row;
    row.set("name", memberName(m.id));
    row.set("first_name", calledName(m.id));
    row.set("kind", label(m.kind));
    row.set("relationship", m.relationship);
    row.set("age", age(m));
    row.set("dob", m.kind == "unborn" ? ukDate(m.expectedDate) : ukDate(m.dob));
    row.set("gender", label(m.gender));
    row.set("ethnicity", m.ethnicity);
    row.set("school", m.school);
    row.set("in_household", yesNo(m.inHousehold));
    row.set("parental_responsibility", m.isAdult() ? yesNo(m.parentalResponsibility) : "");
    return row;
}

View CaseView::words(const std::vector<Words>& words) const {
    View out = View::list();
    for (const Words& w : words) {
        if (!included(w.member)) continue;
        View item;
        item.set("name", memberName(w.member));
        item.set("text", w.text);
        out.push(std::move(item));
    }
    return out;
}

View CaseView::scoreRows(const std::vector<Score>& scores) const {
    View out = View::list();
    for (const Score& s : scores) {
        if (!s.member.empty() && !included(s.member)) continue;
        View row;
        row.set("who", s.member.empty() ? "Family" : memberName(s.member));
        row.set("area", s.area);
        row.set("tool", label(s.tool));
        row.set("score", scoreText(s));
        row.set("date", ukDate(s.date));
        out.push(std::move(row));
    }
    return out;
}

View CaseView::actionRows(const std::vector<Action>& actions) const {
    View out = View::list();
    for (const Action& a : actions) {
        View row;
        row.set("action", a.action);
        std::string who = a.who.empty() ? personName(a.owner) : a.who;
        row.set("who", who);
        row.set("by", ukDate(a.by));
        row.set("status", label(a.status));
        row.set("is_done", a.status == "done");
        row.set("note", a.note);
        out.push(std::move(row));
    }
    return out;
}

View CaseView::textList(const std::vector<Text>& texts) const {
    View out = View::list();
    for (const Text& t : texts) out.push(View().set("text", t));
    return out;
}

View CaseView::scoreHistory() const {
    struct Point {
        const Score* score;
        int order;
    };
    std::vector<Point> points;
    int order = 0;
    if (_case.assessment)
        for (const Score& s : _case.assessment->scores) points.push_back({&s, order++});
    std::vector<const Meeting*> meetings;
    for (const Meeting& m : _case.meetings) meetings.push_back(&m);
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const Meeting* a, const Meeting* b) { return a->at < b->at; });
    for (const Meeting* m : meetings)
        for (const Score& s : m->scores) points.push_back({&s, order++});
    if (_case.closure)
        for (const Score& s : _case.closure->finalScores) points.push_back({&s, order++});

    // Group by person, tool and area, keeping first appearance order; within a group,
    // order by date (undated scores keep their place in the file).
    std::vector<std::tuple<Id, Text, Text>> keys;
    std::map<std::tuple<Id, Text, Text>, std::vector<Point>> groups;
    for (const Point& p : points) {
        const Score& s = *p.score;
        if (!s.member.empty() && !included(s.member)) continue;
        auto key = std::make_tuple(s.member, s.tool, s.area);
        if (!groups.count(key)) keys.push_back(key);
        groups[key].push_back(p);
    }
    View out = View::list();
    for (const auto& key : keys) {
        std::vector<Point>& group = groups[key];
        std::stable_sort(group.begin(), group.end(), [](const Point& a, const Point& b) {
            if (a.score->date && b.score->date) return *a.score->date < *b.score->date;
            return a.order < b.order;
        });
        const Score& first = *group.front().score;
        const Score& last = *group.back().score;
        View row;
        row.set("who", first.member.empty() ? "Family" : memberName(first.member));
        row.set("area", first.area);
        row.set("tool", label(first.tool));
        row.set("start", scoreText(first));
        row.set("start_date", ukDate(first.date));
        bool hasEnd = group.size() > 1;
        row.set("end", hasEnd ? scoreText(last) : "");
        row.set("end_date", hasEnd ? ukDate(last.date) : "");
        double diff = last.score - first.score;
        row.set("change", !hasEnd ? "" : diff > 0 ? "+" + number(diff) : number(diff));
        View list = View::list();
        for (const Point& p : group)
            list.push(View().set("score", scoreText(*p.score)).set("date", ukDate(p.score->date)));
        row.set("points", std::move(list));
        out.push(std::move(row));
    }
    return out;
}

View CaseView::goals(const Plan& plan) const {
    // The latest rating per goal comes from the most recent meeting that rated it.
    std::map<Id, const Progress*> latest;
    std::vector<const Meeting*> meetings;
    for (const Meeting& m : _case.meetings) meetings.push_back(&m);
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const Meeting* a, const Meeting* b) { return a->at < b->at; });
    for (const Meeting* m : meetings)
        for (const Progress& p : m->progress) latest[p.goal] = &p;

    View out = View::list();
    int number = 0;
    for (const Goal& g : plan.goals) {
        if (onlyExcluded(g.members)) continue;
        View goal;
        goal.set("number", std::to_string(++number));
        goal.set("outcome", g.outcome);
        goal.set("members", names(g.members));
        goal.set("measure", g.measure);
        goal.set("sf_outcome", g.sfOutcome.empty() ? "" : label(g.sfOutcome));
        std::vector<Action> actions;
        for (const Action& a : plan.actions)
            if (a.goal == g.id) actions.push_back(a);
        goal.set("actions", actionRows(actions));
        auto it = latest.find(g.id);
        goal.set("progress", it == latest.end() ? "" : it->second->rating);
        goal.set("progress_comment", it == latest.end() ? "" : it->second->comment);
        out.push(std::move(goal));
    }
    return out;
}

}  // namespace ehdocs::render
