#include "render/ClosureReadinessView.h"

#include "rules/ReportText.h"

namespace ehdocs::render {
namespace {

View findingList(const std::vector<const rules::Finding*>& findings) {
    View list = View::list();
    for (const rules::Finding* f : findings)
        list.push(View().set("rule", f->rule).set("message", f->message).set("source", f->source));
    return list;
}

View ruleList(const std::vector<std::string>& ids) {
    View list = View::list();
    for (const std::string& id : ids) list.push(View().set("rule", id));
    return list;
}

View notAppliedList(const std::vector<rules::NotApplied>& items) {
    View list = View::list();
    for (const rules::NotApplied& n : items)
        list.push(View().set("rule", n.rule).set("reason", n.reason));
    return list;
}

}  // namespace

std::string closureReadinessNotApplicable(const Case&) {
    return "";
}

void closureReadinessView(const CaseView& view, const Meeting*, View& out) {
    const rules::CheckReport& report = *view.readiness();

    std::vector<const rules::Finding*> blocking, late, other;
    for (const rules::Finding& f : report.blocking) blocking.push_back(&f);
    for (const rules::Finding& f : report.warnings)
        (rules::isTimeliness(f) ? late : other).push_back(&f);

    out.set("readiness_profile", report.profile);
    out.set("readiness_profile_name", report.profileName);
    out.set("readiness_as_of", report.asOf.uk());
    out.set("readiness_measured_to", report.measuredTo.uk());
    out.set("readiness_dates_differ", report.measuredTo != report.asOf);
    out.set("readiness_verdict", report.readyToClose ? "Ready to close" : "Not ready to close");
    out.set("ready_to_close", report.readyToClose);
    out.set("not_ready", !report.readyToClose);
    out.set("blocking", findingList(blocking));
    out.set("has_blocking", !blocking.empty());
    out.set("blocking_count", std::to_string(blocking.size()));
    out.set("late", findingList(late));
    out.set("has_late", !late.empty());
    out.set("late_count", std::to_string(late.size()));
    out.set("other_warnings", findingList(other));
    out.set("has_other_warnings", !other.empty());
    out.set("other_warnings_count", std::to_string(other.size()));
    // All findings in one list, blocking first, then late, then the rest, for one table.
    View findings = View::list();
    auto add = [&](const std::vector<const rules::Finding*>& items, const char* kind) {
        for (const rules::Finding* f : items)
            findings.push(View()
                              .set("rule", f->rule)
                              .set("message", f->message)
                              .set("source", f->source)
                              .set("kind", kind));
    };
    add(blocking, "Blocking");
    add(late, "Late");
    add(other, "Warning");
    out.set("has_findings", !findings.empty());
    out.set("findings", findings);
    out.set("passed", ruleList(report.passed));
    out.set("passed_count", std::to_string(report.passed.size()));
    out.set("not_applied", notAppliedList(report.notApplied));
    out.set("not_applied_count", std::to_string(report.notApplied.size()));
    out.set("has_not_applied", !report.notApplied.empty());
    View due = View::list();
    for (const rules::DueItem& d : report.due)
        due.push(View().set("date", d.due.uk()).set("what", d.what).set("rule", d.rule));
    out.set("due", due);
    out.set("has_due", !report.due.empty());
}

}  // namespace ehdocs::render
