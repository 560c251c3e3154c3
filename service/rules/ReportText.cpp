#include "rules/ReportText.h"

#include <sstream>

namespace ehdocs::rules {
namespace {

void section(std::ostringstream& out, const std::string& title,
             const std::vector<const Finding*>& items) {
    if (items.empty()) return;
    out << "\n" << title << " (" << items.size() << "):\n";
    for (const Finding* f : items)
        out << "  - " << f->rule << ": " << f->message << " [" << f->source << "]\n";
}

void dueSection(std::ostringstream& out, const std::vector<DueItem>& due) {
    if (due.empty()) return;
    out << "\nDue next (" << due.size() << "):\n";
    for (const DueItem& d : due)
        out << "  - " << d.due.uk() << ": " << d.what << " [" << d.rule << "]\n";
}

}  // namespace

std::string datesText(const CheckReport& report, const Case& kase) {
    if (report.measuredTo == report.asOf)
        return "as of " + report.asOf.uk() +
               (kase.closure && kase.closure->date == report.asOf ? " (closure date)" : "");
    return "checked on " + report.asOf.uk() + "; timescales measured to the closure date, " +
           report.measuredTo.uk();
}

bool isTimeliness(const Finding& finding) {
    return finding.rule.rfind("time.", 0) == 0;
}

std::string reportToText(const CheckReport& report, const Case& kase) {
    std::ostringstream out;
    std::vector<const Finding*> blocking, late, other;
    for (const Finding& f : report.blocking) blocking.push_back(&f);
    for (const Finding& f : report.warnings) (isTimeliness(f) ? late : other).push_back(&f);

    out << "Case " << report.caseId;
    if (!kase.family.familyName.empty()) out << " (the " << kase.family.familyName << " family)";
    out << ", profile " << report.profile << ", " << datesText(report, kase) << "\n";
    if (report.readyToClose)
        out << "READY TO CLOSE";
    else
        out << "NOT READY TO CLOSE: " << blocking.size() << " blocking";
    out << "; " << late.size() << " late, " << other.size() << " other warnings\n";

    section(out, "Blocking: put right before closing", blocking);
    section(out, "Late", late);
    section(out, "Other warnings", other);
    dueSection(out, report.due);
    out << "\nPassed: " << report.passed.size() << " rules";
    if (!report.notApplied.empty())
        out << " (" << report.notApplied.size() << " more not applied to this case)";
    out << ".\n";
    return out.str();
}

}  // namespace ehdocs::rules
