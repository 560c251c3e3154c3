#include "server/Roles.h"

#include <cctype>

namespace ehdocs::server {

std::optional<Role> parseRole(const std::string& text) {
    if (text == "coach") return Role::coach;
    if (text == "team_leader") return Role::teamLeader;
    if (text == "sf_coordinator") return Role::sfCoordinator;
    if (text == "admin") return Role::admin;
    return std::nullopt;
}

std::string roleName(Role role) {
    switch (role) {
        case Role::coach:
            return "coach";
        case Role::teamLeader:
            return "team_leader";
        case Role::sfCoordinator:
            return "sf_coordinator";
        case Role::admin:
            return "admin";
    }
    return "";
}

bool validUserName(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-' &&
            c != '@') {
            return false;
        }
    }
    return true;
}

bool validTeamName(const std::string& team) {
    if (team.empty() || team.size() > 100 || team.front() == ' ' || team.back() == ' ')
        return false;
    for (char c : team) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

const char* roleNames() {
    return "coach, team_leader, sf_coordinator, admin";
}

std::string actionName(Action action) {
    switch (action) {
        case Action::list:
            return "list";
        case Action::read:
            return "read";
        case Action::readSf:
            return "read_sf";
        case Action::create:
            return "create";
        case Action::update:
            return "update";
        case Action::render:
            return "render";
        case Action::issue:
            return "issue";
        case Action::download:
            return "download";
        case Action::close:
            return "close";
        case Action::reopen:
            return "reopen";
        case Action::subjectAccess:
            return "subject_access";
        case Action::exportSf:
        case Action::exportKpi:
            return "export";  // the audit entry's detail names the workbook
        case Action::audit:
            return "audit";
    }
    return "";
}

bool permits(Role role, Action action) {
    switch (role) {
        case Role::admin:
            return true;
        case Role::sfCoordinator:
            return action == Action::list || action == Action::readSf ||
                   action == Action::exportSf || action == Action::exportKpi;
        case Role::teamLeader:
            return action != Action::audit && action != Action::exportSf;
        case Role::coach:
            return action != Action::audit && action != Action::exportSf &&
                   action != Action::exportKpi && action != Action::close &&
                   action != Action::reopen && action != Action::subjectAccess;
    }
    return false;
}

bool teamScoped(Role role) {
    return role == Role::coach || role == Role::teamLeader;
}

}  // namespace ehdocs::server
