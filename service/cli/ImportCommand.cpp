// `ehdocs import FILES_OR_DIRS... [--update] [--config FILE] [--data DIR]`: loads case files
// into the store the settings name, the way an authority moves its history in. Each file is
// validated; an invalid one is listed with its errors and skipped. A case the store does not
// hold is created; one it holds with the same content is left alone; one it holds with other
// content is refused unless --update, which stores the file as the case's next version. Every
// write is audited (action "import"). docs/cli.md describes it.

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "case/CaseReader.h"
#include "case/Clock.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "export/CaseScan.h"
#include "export/ExportException.h"
#include "rules/ProfileRegistry.h"
#include "server/KeptSummary.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "store/OpenStore.h"

namespace po = boost::program_options;

namespace ehdocs::cli {

namespace {

const char* const kUsage =
    "usage: ehdocs import FILES_OR_DIRS... [--update] [--config FILE] [--data DIR]\n\n"
    "Loads case files into the store the settings name (a directory stands for its *.json\n"
    "files). Invalid files are listed with their errors and skipped. A case already stored\n"
    "with the same content is left as it is; one stored with different content is refused,\n"
    "unless --update, which stores the file as its next version. A progress bar is drawn\n"
    "on a terminal; a summary line is printed at the end.\n"
    "Exit status: 0 every file stored or unchanged, 2 some file invalid or refused, 64 usage,\n"
    "70 the store could not be opened or written (what was stored before stays stored).\n\n"
    "options";

// The audit trail names this user for every import write.
const char* const kImportUser = "import";

// New cases and audit entries are written in batches, so a long import pays one transaction
// (one disk sync) per batch rather than one per file.
constexpr std::size_t kBatch = 200;

enum class Outcome { created, updated, unchanged, refused, invalid };

struct Tally {
    std::size_t created = 0, updated = 0, unchanged = 0, refused = 0, invalid = 0;
    void add(Outcome outcome) {
        switch (outcome) {
            case Outcome::created:
                ++created;
                break;
            case Outcome::updated:
                ++updated;
                break;
            case Outcome::unchanged:
                ++unchanged;
                break;
            case Outcome::refused:
                ++refused;
                break;
            case Outcome::invalid:
                ++invalid;
                break;
        }
    }
};

// A one-line bar on a terminal, redrawn when it moves; draws nothing when disabled.
class ProgressBar {
public:
    ProgressBar(std::ostream& out, bool enabled, std::size_t total)
        : _out(out), _enabled(enabled && total > 0), _total(total) {}

    void show(std::size_t done) {
        if (!_enabled) return;
        const std::size_t filled = done * kWidth / _total;
        if (filled == _drawn && done != _total) return;
        _drawn = filled;
        _out << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
             << done << "/" << _total << " files" << std::flush;
    }

    // Clears the bar so that a message can take the line; the next show() redraws it.
    void clear() {
        if (!_enabled) return;
        _out << "\r" << std::string(kWidth + 40, ' ') << "\r" << std::flush;
        _drawn = kWidth + 1;
    }

private:
    static constexpr std::size_t kWidth = 40;
    std::ostream& _out;
    bool _enabled;
    std::size_t _total;
    std::size_t _drawn = kWidth + 1;  // nothing drawn yet
};

// The file's text, or an error when it cannot be read or is too large for a case file.
std::optional<std::string> readText(const std::string& path, std::string& error) {
    Poco::File file(path);
    if (!file.exists() || !file.isFile()) {
        error = "cannot read the file";
        return std::nullopt;
    }
    if (file.getSize() > kMaxCaseFileBytes) {
        error = "the file is larger than a case file may be (" + std::to_string(kMaxCaseFileBytes) +
                " bytes)";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        error = "cannot read the file";
        return std::nullopt;
    }
    return text.str();
}

// The JSON value with keys sorted and no layout, so that two files holding the same case file
// compare equal however they are indented or ordered.
std::string canonical(const std::string& json) {
    Poco::JSON::Parser parser;
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(parser.parse(json), out);
    return out.str();
}

class Importer {
public:
    // Each stored version gets its summary from `readiness` as of today by `clock`. Counts
    // each file's outcome in `tally` once it is known (a new case's when its batch is stored).
    Importer(store::Store& store, server::ReadinessChecker& readiness, Clock clock, bool update,
             std::ostream& err, ProgressBar& bar, Tally& tally)
        : _tally(tally),
          _store(store),
          _readiness(readiness),
          _clock(std::move(clock)),
          _today(ukToday(_clock)),
          _update(update),
          _err(err),
          _bar(bar) {}

    // Writes what is still pending when an import stops on a failure; the failure itself is
    // what the caller reports, so a second one here is not.
    ~Importer() {
        try {
            flush();
        } catch (const Poco::Exception&) {
        }
    }

    void importFile(const std::string& path) {
        std::string error;
        const std::optional<std::string> text = readText(path, error);
        if (!text) return _tally.add(invalid(path, {{"", error}}));
        ReadResult read = CaseReader::fromJson(*text);
        if (!read.ok()) return _tally.add(invalid(path, read.errors));
        store(path, *read.kase, *text);
    }

    // Stores the pending new cases, then the pending audit entries.
    void flush() {
        flushCreates();
        flushAudit();
    }

private:
    Outcome invalid(const std::string& path, const std::vector<ValidationError>& errors) {
        _bar.clear();
        for (const ValidationError& e : errors) {
            _err << "ehdocs import: skipped " << path << ": " << e.text() << "\n";
        }
        return Outcome::invalid;
    }

    Outcome refused(const std::string& path, const std::string& caseId, const std::string& why) {
        _bar.clear();
        _err << "ehdocs import: refused " << path << ": " << why << "\n";
        audit(caseId, "conflict", why);
        return Outcome::refused;
    }

    void store(const std::string& path, const Case& kase, const std::string& json) {
        // A second file of a case still waiting in the batch is compared with the stored one.
        if (_pendingIds.count(kase.caseId)) flushCreates();
        const std::optional<store::CaseRecord> current = _store.currentCase(kase.caseId);
        if (!current) {
            _pending.push_back({path, recordFor(kase, json, 1, "create")});
            _pendingIds.insert(kase.caseId);
            if (_pending.size() >= kBatch) flushCreates();
            return;
        }
        _tally.add(existing(path, kase, json, *current));
    }

    void flushAudit() {
        if (_audit.empty()) return;
        _store.appendAudit(_audit);
        _audit.clear();
    }

    void flushCreates() {
        if (_pending.empty()) return;
        // Each case's audit entry is stored in its batch's transaction: no case without it.
        std::vector<store::CaseRecord> records;
        std::vector<store::AuditEntry> entries;
        for (const Pending& p : _pending) {
            records.push_back(p.record);
            entries.push_back(
                auditEntry(p.record.caseId, "ok", "created version 1 from " + p.path));
        }
        const std::vector<store::WriteResult> results = _store.createCases(records, entries);
        for (std::size_t i = 0; i < results.size(); ++i) {
            const Pending& p = _pending[i];
            if (results[i] == store::WriteResult::exists) {
                _tally.add(refused(p.path, p.record.caseId,
                                   "case " + p.record.caseId +
                                       " was created by someone else during the import; run "
                                       "it again"));
                continue;
            }
            _tally.add(Outcome::created);
        }
        _pending.clear();
        _pendingIds.clear();
    }

    Outcome existing(const std::string& path, const Case& kase, const std::string& json,
                     const store::CaseRecord& stored) {
        if (canonical(stored.json) == canonical(json)) return Outcome::unchanged;
        const std::string version = std::to_string(stored.version);
        if (!_update) {
            return refused(path, kase.caseId,
                           "case " + kase.caseId + " is stored (version " + version +
                               ") with different content; --update stores this file as "
                               "its next version");
        }
        const store::CaseRecord next = recordFor(kase, json, stored.version + 1, "update");
        const store::AuditEntry entry = auditEntry(
            kase.caseId, "ok", "version " + std::to_string(next.version) + " from " + path);
        if (_store.updateCase(next, {}, {entry}) != store::WriteResult::ok) {
            return refused(path, kase.caseId,
                           "case " + kase.caseId + " changed during the import; run it again");
        }
        return Outcome::updated;
    }

    store::CaseRecord recordFor(const Case& kase, const std::string& json, int version,
                                const std::string& action) {
        store::CaseRecord record;
        record.caseId = kase.caseId;
        record.version = version;
        record.json = json;
        record.team = kase.service.team;
        record.status = kase.status;
        record.leadWorker = kase.leadWorker;
        record.familyName = kase.family.familyName;
        record.author = kImportUser;
        record.writtenAt = now();
        record.action = action;
        server::keepSummary(record, kase, _readiness, _today);
        return record;
    }

    // An entry kept for the next batch of refusals (a stored case's own entry goes with it).
    void audit(const std::string& caseId, const std::string& outcome, const std::string& detail) {
        _audit.push_back(auditEntry(caseId, outcome, detail));
        if (_audit.size() >= kBatch) flushAudit();
    }

    store::AuditEntry auditEntry(const std::string& caseId, const std::string& outcome,
                                 const std::string& detail) const {
        store::AuditEntry entry;
        entry.at = now();
        entry.user = kImportUser;
        entry.role = "admin";
        entry.action = "import";
        entry.caseId = caseId;
        entry.outcome = outcome;
        entry.requestId = _runId;
        entry.detail = detail;
        return entry;
    }

    std::string now() const { return utcTimestamp(_clock()); }

    struct Pending {
        std::string path;
        store::CaseRecord record;
    };

    Tally& _tally;
    store::Store& _store;
    server::ReadinessChecker& _readiness;
    Clock _clock;
    Date _today;
    bool _update;
    std::ostream& _err;
    ProgressBar& _bar;
    const std::string _runId = "import-" + now();
    std::vector<store::AuditEntry> _audit;
    std::vector<Pending> _pending;  // new cases not yet stored, in file order
    std::set<std::string> _pendingIds;
};

server::Settings settingsFrom(const po::variables_map& vm) {
    server::Settings settings = server::Settings::load(vm["config"].as<std::string>(),
                                                       server::Settings::processEnvironment());
    if (vm.count("data")) settings.dataDir = vm["data"].as<std::string>();
    return settings;
}

void printSummary(std::ostream& out, std::size_t files, const Tally& t,
                  const std::string& location) {
    out << "ehdocs import: " << files << " file(s): " << t.created << " created, " << t.updated
        << " updated, " << t.unchanged << " unchanged, " << t.refused << " refused, " << t.invalid
        << " invalid (" << store::describeLocation(location) << ")" << std::endl;
}

}  // namespace

int importCommand(const Args& args, std::ostream& out, std::ostream& err, bool progressBar) {
    po::options_description options(kUsage);
    options.add_options()("help,h", "show this help")(
        "update", "store a changed file as the next version of its case")(
        "config", po::value<std::string>()->default_value(""), "settings file (.properties)")(
        "data", po::value<std::string>(), "data directory (overrides data.dir)");
    CommandLine line;
    if (auto stop = parseCommandLine("import", args, options, line)) return *stop;
    if (line.words.empty()) {
        err << "ehdocs import: name at least one case file or directory\n\n" << options;
        return kExitUsage;
    }
    std::vector<std::string> files;
    server::Settings settings;
    try {
        files = CaseScan::expand(line.words);
        settings = settingsFrom(line.options);
    } catch (const ExportException& e) {
        err << "ehdocs import: " << e.message() << "\n";
        return kExitUsage;
    } catch (const server::SettingsException& e) {
        err << "ehdocs import: " << e.message() << "\n";
        return kExitUsage;
    }

    const std::string location = settings.storeLocation();
    Tally tally;
    ProgressBar bar(err, progressBar, files.size());
    try {
        server::RulesReadiness readiness(
            settings.profilesDir.empty()
                ? rules::ProfileRegistry::builtIn()
                : rules::ProfileRegistry::withDirectory(settings.profilesDir),
            settings.defaultProfile);
        std::unique_ptr<store::Store> store = store::openStore(location);
        Importer importer(*store, readiness, systemClock(), line.options.count("update") > 0, err,
                          bar, tally);
        for (std::size_t i = 0; i < files.size(); ++i) {
            importer.importFile(files[i]);
            bar.show(i + 1);
        }
        importer.flush();
        if (tally.created + tally.updated > 0) store->bulkLoaded();
    } catch (const Poco::Exception& e) {
        bar.clear();
        err << "ehdocs import: " << e.displayText() << "\n";
        printSummary(out, files.size(), tally, location);
        return kExitRenderFailed;
    }
    bar.clear();
    printSummary(out, files.size(), tally, location);
    return tally.refused || tally.invalid ? kExitInvalidCase : kExitOk;
}

}  // namespace ehdocs::cli
