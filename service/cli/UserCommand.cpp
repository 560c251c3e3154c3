// `ehdocs user add NAME --role ROLE [--team TEAM] [--password-stdin]`: creates a service user
// and prints its API token, once; with --password-stdin the first line of standard input is
// their web app password. `ehdocs user token NAME` gives an existing user a new token (the old
// one stops working); `ehdocs user password NAME` sets a new password from standard input;
// `ehdocs user disable NAME` / `enable NAME` stop and restore a user's access; `ehdocs user
// worker NAME [ID]` links a user to their worker id in the case files (or unlinks them);
// `ehdocs user team NAME TEAM` moves a coach or team leader to another team. Only a
// token's SHA-256 and a password's Argon2id hash are stored. Each change is audited (the service
// reads users from the database on every request, so it takes effect at once).

#include <Poco/File.h>
#include <Poco/Timestamp.h>

#include <boost/program_options.hpp>
#include <functional>
#include <iostream>
#include <map>

#include "case/CaseReader.h"
#include "case/Clock.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "server/Roles.h"
#include "server/Settings.h"
#include "server/Tokens.h"
#include "store/DataFolder.h"
#include "store/OpenStore.h"
#include "web/Passwords.h"

namespace po = boost::program_options;

namespace ehdocs::cli {

namespace {

// Each verb, with the fewest and the most words it takes (itself included).
const std::map<std::string, std::pair<std::size_t, std::size_t>> kVerbs = {
    {"add", {2, 2}},    {"token", {2, 2}},  {"password", {2, 2}}, {"disable", {2, 2}},
    {"enable", {2, 2}}, {"worker", {2, 3}}, {"team", {3, 3}}};

server::Settings settingsFrom(const po::variables_map& vm) {
    server::Settings settings = server::Settings::load(vm["config"].as<std::string>(),
                                                       server::Settings::processEnvironment());
    if (vm.count("data")) settings.dataDir = vm["data"].as<std::string>();
    return settings;
}

void printToken(const std::string& token) {
    std::cout << "API token (shown only now; send it as Authorization: Bearer TOKEN):\n"
              << token << std::endl;
}

// Opens the store the settings name (creating a SQLite file only when `create`), runs `work`
// on it and turns settings and database failures into the command's exit statuses.
int withDatabase(const po::variables_map& vm, bool create,
                 const std::function<int(store::Store&, const std::string&)>& work) {
    try {
        server::Settings settings = settingsFrom(vm);
        const std::string location = settings.storeLocation();
        if (create && settings.storeUrl.empty()) {
            store::prepareDataFolder(settings.dataDir);
        } else if (!create && settings.storeUrl.empty() &&
                   !Poco::File(settings.databasePath()).exists()) {
            std::cerr << "ehdocs user: there is no database at " << settings.databasePath() << "\n";
            return kExitUsage;
        }
        std::unique_ptr<store::Store> store = store::openStore(location);
        return work(*store, settings.storeUrl.empty() ? settings.databasePath()
                                                      : store::describeLocation(location));
    } catch (const server::SettingsException& e) {
        std::cerr << "ehdocs user: " << e.message() << "\n";
        return kExitUsage;
    } catch (const Poco::Exception& e) {
        std::cerr << "ehdocs user: " << e.displayText() << "\n";
        return kExitRenderFailed;
    }
}

// The audit entry of a change made from the command line (user "", role "").
void audit(store::Store& store, const std::string& action, const std::string& detail) {
    store::AuditEntry entry;
    entry.at = utcTimestamp(systemClock()());
    entry.action = action;
    entry.outcome = "ok";
    entry.requestId = "cli";
    entry.detail = detail + " (ehdocs user, command line)";
    store.appendAudit({entry});
}

int setDisabled(const std::string& name, bool disabled, const po::variables_map& vm) {
    return withDatabase(vm, false, [&](store::Store& store, const std::string& path) {
        if (store.setDisabled(name, disabled) == store::WriteResult::notFound) {
            std::cerr << "ehdocs user: there is no user named " << name << "\n";
            return int(kExitUsage);
        }
        audit(store, disabled ? "user_disable" : "user_enable", name);
        std::cout << "user " << name << " in " << path
                  << (disabled ? " is disabled; their token is refused from the next request\n"
                               : " is enabled again\n");
        return int(kExitOk);
    });
}

int replaceToken(const std::string& name, const po::variables_map& vm) {
    return withDatabase(vm, false, [&](store::Store& store, const std::string& path) {
        const std::string token = server::Tokens::generate();
        if (store.replaceToken(name, server::Tokens::sha256Hex(token)) ==
            store::WriteResult::notFound) {
            std::cerr << "ehdocs user: there is no user named " << name << "\n";
            return int(kExitUsage);
        }
        audit(store, "user_token", name + ": new token");
        std::cout << "new token for user " << name << " in " << path
                  << "; the old one no longer works\n";
        printToken(token);
        return int(kExitOk);
    });
}

int setWorker(const std::string& name, const std::string& worker, const po::variables_map& vm) {
    return withDatabase(vm, false, [&](store::Store& store, const std::string& path) {
        if (store.setWorker(name, worker) == store::WriteResult::notFound) {
            std::cerr << "ehdocs user: there is no user named " << name << "\n";
            return int(kExitUsage);
        }
        audit(store, "user_worker",
              name + (worker.empty() ? ": no worker id" : ": worker " + worker));
        std::cout << "user " << name << " in " << path
                  << (worker.empty() ? " is no longer linked to a worker id\n"
                                     : " is linked to worker " + worker +
                                           "; their caseload shows the cases they lead\n");
        return int(kExitOk);
    });
}

int setTeam(const std::string& name, const std::string& team, const po::variables_map& vm) {
    return withDatabase(vm, false, [&](store::Store& store, const std::string& path) {
        const std::optional<store::User> user = store.userByName(name);
        if (!user) {
            std::cerr << "ehdocs user: there is no user named " << name << "\n";
            return int(kExitUsage);
        }
        const std::optional<server::Role> role = server::parseRole(user->role);
        if (!role || !server::teamScoped(*role)) {
            std::cerr << "ehdocs user: " << name << " is a " << user->role
                      << ", who is not bound to a team\n";
            return int(kExitUsage);
        }
        store.setTeam(name, team);
        audit(store, "user_team", name + ": team " + team + " (was " + user->team + ")");
        std::cout << "user " << name << " in " << path << " now works on team " << team
                  << "'s cases, from their next request\n";
        return int(kExitOk);
    });
}

// The first line of standard input, without its line ending; "" when there is none.
std::string passwordFromStdin() {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// The Argon2id hash of the password on standard input; prints why and returns "" when the
// password cannot be used.
std::string hashedPassword() {
    const std::string password = passwordFromStdin();
    const std::string why = web::Passwords::weakness(password);
    if (!why.empty()) {
        std::cerr << "ehdocs user: the password on standard input cannot be used: " << why << "\n";
        return "";
    }
    return web::Passwords::hash(password);
}

int setPassword(const std::string& name, const po::variables_map& vm) {
    const std::string hash = hashedPassword();
    if (hash.empty()) return kExitUsage;
    return withDatabase(vm, false, [&](store::Store& store, const std::string& path) {
        if (store.setPassword(name, hash) == store::WriteResult::notFound) {
            std::cerr << "ehdocs user: there is no user named " << name << "\n";
            return int(kExitUsage);
        }
        audit(store, "user_password", name + ": new password");
        std::cout << "new password set for user " << name << " in " << path
                  << "; they sign in with it from now on\n";
        return int(kExitOk);
    });
}

}  // namespace

int userCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs user add NAME --role ROLE [--team TEAM] [--worker ID] [--password-stdin]\n"
        "                       [--config FILE] [--data DIR]\n"
        "       ehdocs user token NAME [--config FILE] [--data DIR]\n"
        "       ehdocs user password NAME [--config FILE] [--data DIR]   (password on stdin)\n"
        "       ehdocs user disable NAME | enable NAME [--config FILE] [--data DIR]\n"
        "       ehdocs user worker NAME [ID] [--config FILE] [--data DIR]\n"
        "       ehdocs user team NAME TEAM [--config FILE] [--data DIR]\n\n"
        "`add` creates a user of the records service and prints their API token, once, on the\n"
        "last line. Roles: coach and team_leader (need --team: the case's service.team they\n"
        "work on), sf_coordinator, admin. --worker links the user to the id the case files give\n"
        "them as a worker (a case's lead_worker): a coach's caseload page shows the cases they\n"
        "lead. `token` replaces a user's token with a new one,\n"
        "printed the same way; the old token stops working at once. `password` sets the\n"
        "user's web app password from the first line of standard input (at least 10\n"
        "characters), as --password-stdin does for `add`. `disable` refuses the user's token\n"
        "and sign-in from the next request (every server on the database); `enable` undoes it.\n"
        "`worker` links the user to worker ID, as --worker does for `add`; without an ID it\n"
        "removes the link. `team` moves a coach or team leader to another team: from their\n"
        "next request they work on that team's cases.\n"
        "Every change is written to the audit trail.\n"
        "Exit status: 0 done, 64 usage, the name is taken (add) or unknown (token, password,\n"
        "disable, enable, worker, team), an unusable password, worker id or team, 70 the\n"
        "database could not be written.\n\noptions");
    options.add_options()("help,h", "show this help")(
        "role", po::value<std::string>(), "coach | team_leader | sf_coordinator | admin")(
        "team", po::value<std::string>()->default_value(""), "the user's team")(
        "worker", po::value<std::string>()->default_value(""),
        "the user's worker id in the case files")(
        "password-stdin", "read the user's web app password from standard input")(
        "config", po::value<std::string>()->default_value(""), "settings file (.properties)")(
        "data", po::value<std::string>(), "data directory (overrides data.dir)");
    CommandLine line;
    if (auto stop = parseCommandLine("user", args, options, line)) return *stop;
    const po::variables_map& vm = line.options;
    const std::vector<std::string>& words = line.words;
    const auto verb = words.empty() ? kVerbs.end() : kVerbs.find(words[0]);
    if (verb == kVerbs.end() || words.size() < verb->second.first ||
        words.size() > verb->second.second) {
        std::cerr << "ehdocs user: expected `user add NAME`, `user token NAME`, `user password "
                     "NAME`, `user disable NAME`, `user enable NAME`, `user worker NAME [ID]` or "
                     "`user team NAME TEAM`"
                     "\n\n"
                  << options;
        return kExitUsage;
    }
    const std::string name = words[1];
    if (!server::validUserName(name)) {
        std::cerr << "ehdocs user: the name \"" << name
                  << "\" must be 1-64 letters, digits, or . _ - @\n";
        return kExitUsage;
    }
    if (words[0] == "token") return replaceToken(name, vm);
    if (words[0] == "password") return setPassword(name, vm);
    if (words[0] == "disable" || words[0] == "enable") {
        return setDisabled(name, words[0] == "disable", vm);
    }
    const std::string worker =
        words[0] == "worker" && words.size() == 3 ? words[2] : vm["worker"].as<std::string>();
    if (!worker.empty() && !isValidId(worker)) {
        std::cerr << "ehdocs user: the worker id \"" << worker
                  << "\" must be 1-64 letters, digits, or . _ - (as the case files write it)\n";
        return kExitUsage;
    }
    if (words[0] == "worker") return setWorker(name, worker, vm);
    const std::string team = words[0] == "team" ? words[2] : vm["team"].as<std::string>();
    if ((words[0] == "team" || !team.empty()) && !server::validTeamName(team)) {
        std::cerr << "ehdocs user: the team \"" << team
                  << "\" must be 1-100 characters, without control characters or spaces at "
                     "either end (as the cases' service.team)\n";
        return kExitUsage;
    }
    if (words[0] == "team") return setTeam(name, team, vm);
    if (!vm.count("role")) {
        std::cerr << "ehdocs user: --role is required (" << server::roleNames() << ")\n";
        return kExitUsage;
    }
    const std::string roleText = vm["role"].as<std::string>();
    const std::optional<server::Role> role = server::parseRole(roleText);
    if (!role) {
        std::cerr << "ehdocs user: unknown role \"" << roleText << "\" (" << server::roleNames()
                  << ")\n";
        return kExitUsage;
    }
    if (server::teamScoped(*role) && team.empty()) {
        std::cerr << "ehdocs user: a " << roleText
                  << " works on one team's cases: give --team (the cases' service.team)\n";
        return kExitUsage;
    }

    std::string passwordHash;
    if (vm.count("password-stdin")) {
        passwordHash = hashedPassword();
        if (passwordHash.empty()) return kExitUsage;
    }
    return withDatabase(vm, true, [&](store::Store& store, const std::string& path) {
        const std::string token = server::Tokens::generate();
        store::User user{name,
                         roleText,
                         team,
                         server::Tokens::sha256Hex(token),
                         utcTimestamp(systemClock()()),
                         passwordHash};
        user.worker = worker;
        if (store.addUser(user) == store::WriteResult::exists) {
            std::cerr << "ehdocs user: there is already a user named " << name << "\n";
            return int(kExitUsage);
        }
        audit(store, "user_add",
              name + " (" + roleText + (team.empty() ? "" : ", " + team) +
                  (user.worker.empty() ? "" : ", worker " + user.worker) + ")");
        std::cout << "created user " << name << " (" << roleText
                  << (team.empty() ? "" : ", team " + team) << ") in " << path << "\n";
        printToken(token);
        return int(kExitOk);
    });
}

}  // namespace ehdocs::cli
