#pragma once

// Who may do what. Four roles (docs/api.md, "Roles"): `coach` and `team_leader` act only on
// cases whose `service.team` is their own team; `sf_coordinator` reads every case's Supporting
// Families data and exports both workbooks; a `team_leader` also exports the KPI workbook, of
// their own team's cases (docs/exports.md); `admin` may do everything.

#include <optional>
#include <string>

namespace ehdocs::server {

enum class Role { coach, teamLeader, sfCoordinator, admin };

enum class Action {
    list,    // case summaries
    read,    // the whole case file, its history and readiness
    readSf,  // the Supporting Families view of a case
    create,
    update,
    render,    // previews
    issue,     // issue a document
    download,  // an issued document's stored bytes (allowed wherever issue is)
    close,
    reopen,         // a closed case back to open, with a reason
    subjectAccess,  // the family's record as a ZIP
    exportSf,       // the Supporting Families workbook, across cases
    exportKpi,      // the Performance Framework (KPI) workbook, across cases
    audit,          // the audit trail
};

std::optional<Role> parseRole(const std::string& text);  // nothing for an unknown role
std::string roleName(Role role);                         // as parseRole accepts it
std::string actionName(Action action);                   // as the audit trail records it
const char* roleNames();                                 // "coach, team_leader, ..." for messages

// Whether the role may ever perform the action (before the team check).
bool permits(Role role, Action action);

// Whether the role is limited to its own team's cases.
bool teamScoped(Role role);

// Whether `name` can be a user's name: 1-64 letters, digits, or . _ - @ (it appears in the
// admin page's addresses and in the audit trail).
bool validUserName(const std::string& name);

// Whether `team` can be a user's team (a case's `service.team`, as the case files write it):
// 1-100 characters, no control characters, no space at either end.
bool validTeamName(const std::string& team);

}  // namespace ehdocs::server
