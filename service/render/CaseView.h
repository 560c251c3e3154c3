#pragma once

// A case as the documents see it: the SOP's consent rule applied, ids turned into names,
// dates into UK words. Every view-model function (ViewModel.h) reads the case through this.
//
// The consent rule: a child (kind `child`) whose `consent` is not `given` is left out of
// every document: their row in member lists, their words, their scores, their place in
// contact lists, goals, the genogram and the ecomap. Items that concern only such children
// (a score, a contact with only them, a goal only for them, a chronology event only about
// them) are dropped whole.
//
// Holds a reference to the case: the case must outlive the CaseView. Not copyable state
// beyond that; cheap to construct. Thread-compatible (const use from many threads is safe).

#include <string>
#include <unordered_set>
#include <vector>

#include "case/Case.h"
#include "render/View.h"
#include "rules/CheckReport.h"

namespace ehdocs::render {

class CaseView {
public:
    // `readiness`: the closure check's report when the caller gave one (RenderOptions), or null.
    CaseView(const Case& kase, Date producedOn, const rules::CheckReport* readiness = nullptr);

    const Case& kase() const { return _case; }
    Date producedOn() const { return _producedOn; }
    const rules::CheckReport* readiness() const { return _readiness; }

    // False only for a child whose consent is not `given`.
    bool included(const Id& member) const { return !_excluded.count(member); }
    // The ids of `ids` that are included.
    IdList keep(const IdList& ids) const;
    // True when `ids` is not empty and every one of them is left out: the item is only
    // about children the documents may not mention.
    bool onlyExcluded(const IdList& ids) const;

    // The members the documents may show, in file order.
    std::vector<const Member*> members() const;

    std::string memberName(const Id& id) const;  // "Grace Okafor"; "" when unknown
    std::string calledName(const Id& id) const;  // preferred or first name: "Grace"
    std::string workerName(const Id& id) const;  // "Amira Khan"; "" when unknown
    // A member or worker id as a name (owners of actions may be either).
    std::string personName(const Id& id) const;
    // Included members' full names joined: "Grace Okafor, Daniel Okafor".
    std::string names(const IdList& ids) const;
    // "11" (years on the produced-on date), "expected 3 March 2027" for unborn, "" unknown.
    std::string age(const Member& m) const;

    // Ready-made view pieces shared by the document types.
    View memberRow(const Member& m) const;
    View words(const std::vector<Words>& words) const;       // [{name, text}], consent applied
    View scoreRows(const std::vector<Score>& scores) const;  // [{who, area, tool, score, date}]
    View actionRows(const std::vector<Action>& actions) const;
    View textList(const std::vector<Text>& texts) const;  // [{text}]
    // Every score in the file (assessment, meetings, closure) grouped by person, tool and
    // area: [{who, area, tool, start, start_date, end, end_date, change, points[{score, date}]}].
    View scoreHistory() const;
    // The latest plan's goals, each with its actions and the latest progress rating.
    View goals(const Plan& plan) const;

private:
    const Case& _case;
    Date _producedOn;
    const rules::CheckReport* _readiness;
    std::unordered_set<std::string> _excluded;
};

// The names of the children left out (first, preferred and full names), except any that an
// included member also bears. Free text written by workers may still mention such a child;
// the renderer replaces these names, as whole words, with "[name withheld]" in every value.
std::vector<std::string> withheldNames(const Case& kase);
// `text` with each of `names` (whole words) replaced by "[name withheld]".
std::string withholdNames(const std::string& text, const std::vector<std::string>& names);

// "26 June 2026", or "" when there is no date.
std::string ukDate(const std::optional<Date>& date);
std::string ukDate(const Date& date);
// "4/10" or "4" when there is no maximum.
std::string scoreText(const Score& s);

}  // namespace ehdocs::render
