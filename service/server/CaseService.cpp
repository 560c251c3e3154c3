#include "server/CaseService.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <algorithm>
#include <type_traits>

#include "case/CaseReader.h"
#include "export/ParallelReader.h"
#include "server/CaseJson.h"
#include "server/ClosureGate.h"
#include "server/Errors.h"
#include "server/KeptSummary.h"
#include "server/SubjectAccessArchive.h"
#include "server/SummarySweep.h"
#include "server/Tokens.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace ehdocs::server {

namespace {

// Formats a document is rendered in; checked after authorisation, so that the refusal of an
// unknown one is audited like any other (docs/security.md, "Every answer to the API audited").
void requireKnownFormat(const RenderRequest& request) {
    if (request.format != "html" && request.format != "pdf") {
        throw BadRequestException("format: \"" + request.format + "\" is not html or pdf");
    }
}

// The action of the workbook export named `what` (another name is checked as sf.xlsx).
Action exportAction(const std::string& what) {
    // Team leaders may have the KPI workbook of their own team; only the SF roles the rest.
    return what == "kpi.xlsx" ? Action::exportKpi : Action::exportSf;
}

// A write based on the version just read can lose a race with another writer; the service
// then redoes it on the newer version (the caller sent no version to hold it to).
constexpr int kWriteAttempts = 3;

// Stale summaries a list renews before it reads (a new day; the sweep renews the rest).
constexpr std::size_t kRefreshedPerList = 20;

Poco::Dynamic::Var errorList(const std::vector<ValidationError>& errors) {
    Array::Ptr list = new Array();
    for (const ValidationError& e : errors) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("path", e.path);
        item->set("message", e.message);
        list->add(item);
    }
    return list;
}

store::StoredDocument storedDocument(const std::string& caseId, const RenderRequest& request,
                                     const RenderedDocument& rendered, const store::User& user,
                                     const std::string& at) {
    store::StoredDocument doc;
    doc.docId = "doc-" + Tokens::generate().substr(4, 24);
    doc.caseId = caseId;
    doc.type = request.type;
    doc.format = request.format;
    doc.contentType = rendered.contentType;
    doc.sha256 = Tokens::sha256Hex(rendered.bytes);
    doc.bytes = rendered.bytes;
    doc.createdBy = user.name;
    doc.createdAt = at;
    return doc;
}

Poco::Dynamic::Var parseReport(const std::string& json) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(json);
}

}  // namespace

CaseService::CaseService(store::Store& store, AuditLog& audit, ReadinessChecker& readiness,
                         DocumentRenderer* renderer, Clock clock, std::size_t cacheBytes)
    : _store(store),
      _audit(audit),
      _readiness(readiness),
      _renderer(renderer),
      _clock(std::move(clock)),
      _cache(cacheBytes) {}

std::string CaseService::nowIso() {
    return utcTimestamp(_clock());
}

Date CaseService::today() {
    return ukToday(_clock);
}

std::vector<store::AuditEntry> CaseService::WriteAudit::okEntry(const std::string& caseId) const {
    store::AuditEntry ok = entry;
    ok.caseId = caseId;
    ok.outcome = "ok";
    ok.detail = detail ? *detail : "";
    return {ok};
}

// The audit entry names `caseId` as it is when `work` finishes (create learns the id from the
// body), and records the outcome: "ok", or the error code the caller is answered with, whatever
// was thrown. A write's work takes a WriteAudit& and hands its "ok" entry to the store with the
// version; a refusal or failure is recorded here as for any call.
template <typename Work>
auto CaseService::audited(const Caller& caller, Action action, const std::string& caseId, Work work,
                          std::string* detail) {
    store::AuditEntry entry = auditEntry(caller, actionName(action), "");
    const auto record = [&](std::string outcome, std::string text) {
        entry.caseId = caseId;
        entry.outcome = std::move(outcome);
        entry.detail = std::move(text);
        _audit.record(entry);
    };
    WriteAudit write;
    write.entry = entry;
    write.detail = detail;
    try {
        auto result = [&] {
            if constexpr (std::is_invocable_v<Work, WriteAudit&>) {
                return work(write);
            } else {
                return work();
            }
        }();
        if (!write.stored) record("ok", detail ? *detail : "");
        return result;
    } catch (const ServiceException& e) {
        record(e.name(), e.message());
        throw;
    } catch (const store::StoreException& e) {
        record("storage_unavailable", e.displayText());
        throw;
    } catch (const Poco::Exception& e) {
        record("internal_error", e.displayText());
        throw;
    } catch (const std::exception& e) {
        record("internal_error", e.what());
        throw;
    } catch (...) {
        record("internal_error", "an unknown failure");
        throw;
    }
}

store::AuditEntry CaseService::auditEntry(const Caller& caller, const std::string& action,
                                          const std::string& caseId) {
    store::AuditEntry entry;
    entry.at = nowIso();
    entry.user = caller.user ? caller.user->name : "";
    entry.role = caller.user ? caller.user->role : "";
    entry.action = action;
    entry.caseId = caseId;
    entry.requestId = caller.requestId;
    return entry;
}

Caller CaseService::authenticate(const std::string& token, const std::string& requestId) {
    if (token.empty()) return Caller::of(std::nullopt, requestId, false);
    // Looked up in the store on every request (one indexed read), never cached: a replaced
    // token or a disabled user is refused on the next request, by every server on the
    // database.
    std::optional<store::User> user = _store.userByTokenHash(Tokens::sha256Hex(token));
    if (user && user->disabled) user.reset();
    return Caller::of(std::move(user), requestId, true);
}

store::CaseRecord CaseService::currentOrThrow(const std::string& caseId) {
    std::optional<store::CaseRecord> record = _store.currentCase(caseId);
    if (!record) throw NotFoundException("there is no case " + caseId);
    return *record;
}

Case CaseService::validated(const std::string& json) {
    ReadResult read = CaseReader::fromJson(json);
    if (!read.ok()) {
        InvalidCaseException error(
            "the case file is not valid: " + std::to_string(read.errors.size()) +
            " error(s), listed in "
            "details (path and message)");
        error.setDetails(errorList(read.errors));
        throw error;
    }
    return std::move(*read.kase);
}

RenderRequest CaseService::dated(RenderRequest request) {
    if (!request.producedOn) request.producedOn = today();
    return request;
}

void CaseService::requireVersion(const store::CaseRecord& current,
                                 std::optional<int> expectedVersion) {
    if (!expectedVersion) {
        throw VersionRequiredException(
            "send If-Match with the ETag of the version you changed (GET /api/v1/cases/" +
            current.caseId + " gives it)");
    }
    if (*expectedVersion != current.version) {
        throw StaleVersionException("version " + std::to_string(*expectedVersion) +
                                    " is not current (case " + current.caseId + " is at version " +
                                    std::to_string(current.version) +
                                    "): GET it again and reapply your change");
    }
}

std::shared_ptr<const Case> CaseService::parsed(const store::CaseRecord& record) {
    if (std::shared_ptr<const Case> held = _cache.find(record.caseId, record.version)) return held;
    if (record.json.empty()) {  // a head: the cache did not have this version, so read it
        return parsed(currentOrThrow(record.caseId));
    }
    ReadResult read = CaseReader::fromJson(record.json);
    if (!read.ok()) {
        throw ServiceException("stored case " + record.caseId + " version " +
                               std::to_string(record.version) +
                               " no longer validates: " + read.errors.front().text());
    }
    auto kase = std::make_shared<const Case>(std::move(*read.kase));
    _cache.put(record.caseId, record.version, kase, record.json.size());
    return kase;
}

ReadinessReport CaseService::reportFor(const store::CaseRecord& record, const std::string& asOf) {
    std::shared_ptr<const Case> kase = parsed(record);
    if (std::optional<ReadinessReport> held = _cache.report(record.caseId, record.version, asOf)) {
        return *held;
    }
    const std::optional<Date> date = Date::parse(asOf);
    if (!date) throw BadRequestException("as_of: \"" + asOf + "\" is not a date (YYYY-MM-DD)");
    ReadinessReport report = _readiness.check(*kase, *date);
    _cache.putReport(record.caseId, record.version, asOf, report);
    return report;
}

store::CaseRecord CaseService::nextVersion(const store::CaseRecord& current, const Case& kase,
                                           const std::string& json, const store::User& user,
                                           const std::string& action) {
    store::CaseRecord next;
    next.caseId = kase.caseId;
    next.version = current.version + 1;
    next.json = json;
    next.team = kase.service.team;
    next.status = kase.status;
    next.leadWorker = kase.leadWorker;
    next.familyName = kase.family.familyName;
    next.author = user.name;
    next.writtenAt = nowIso();
    next.action = action;
    keepSummary(next, kase, _readiness, today());
    return next;
}

store::CaseRecord CaseService::create(const Caller& caller, const std::string& body) {
    std::string caseId, detail;
    return audited(
        caller, Action::create, caseId,
        [&](WriteAudit& audit) {
            const store::User& user = Authoriser::require(caller, Action::create);
            const Case kase = validated(body);
            caseId = kase.caseId;
            Authoriser::requireTeam(caller, Action::create, kase.service.team);
            // Only an admin stores a closed case this way, importing a closed file's history.
            if (!caller.is(Role::admin)) ClosureGate::refuseClosingByEdit(caseId, "", body);
            if (ClosureGate::isClosed(kase)) detail = "imported closed";
            store::CaseRecord first = nextVersion(store::CaseRecord{}, kase, body, user, "create");
            if (_store.createCase(first, audit.okEntry(caseId)) == store::WriteResult::exists) {
                throw ConflictException("case " + caseId +
                                        " already exists; to change it, PUT /api/v1/cases/" +
                                        caseId + " with If-Match");
            }
            audit.stored = true;
            return first;
        },
        &detail);
}

store::CasePage CaseService::list(const Caller& caller, store::CasePageQuery query) {
    return audited(caller, Action::list, "", [&] {
        const store::User& user = Authoriser::require(caller, Action::list);
        if (const std::optional<std::string> team = Authoriser::teamScope(caller)) {
            if (!query.team.empty() && query.team != *team) {
                throw ForbiddenException(user.name + " may list only cases of team \"" + *team +
                                         "\"");
            }
            query.team = *team;
        }
        if (query.limit == 0 || query.limit > kMaxPage) {
            throw BadRequestException("limit: " + std::to_string(query.limit) +
                                      " is not between 1 and " + std::to_string(kMaxPage));
        }
        // The first lists after midnight renew a few summaries at once; the sweep the rest.
        refreshSummaries(_store, _readiness, today(), kRefreshedPerList);
        return _store.casePage(query);
    });
}

std::vector<std::pair<std::string, std::string>> CaseService::leadWorkers(const Caller& caller) {
    std::string detail = "lead workers";
    return audited(
        caller, Action::list, "",
        [&] {
            Authoriser::require(caller, Action::list);
            return _store.leadWorkers(Authoriser::teamScope(caller).value_or(""));
        },
        &detail);
}

store::CaseRecord CaseService::get(const Caller& caller, const std::string& caseId) {
    // A role that may not read whole cases may still read their Supporting Families view.
    const bool sfOnly = caller.role && !permits(*caller.role, Action::read);
    return audited(caller, sfOnly ? Action::readSf : Action::read, caseId, [&] {
        Authoriser::require(caller, sfOnly ? Action::readSf : Action::read);
        store::CaseRecord record = currentOrThrow(caseId);
        if (sfOnly) {
            record.json =
                CaseJson::write(CaseJson::supportingFamiliesView(CaseJson::parse(record.json)));
        } else {
            Authoriser::requireTeam(caller, Action::read, record.team);
        }
        return record;
    });
}

std::shared_ptr<const Case> CaseService::supportingFamiliesCase(const Caller& caller,
                                                                const std::string& caseId) {
    return audited(caller, Action::readSf, caseId, [&] {
        // The programme's roles, those that may export its workbook: not every role that may
        // read a case's SF view (a coach of another team may not).
        Authoriser::require(caller, Action::exportSf);
        std::shared_ptr<const Case> kase = parsed(currentOrThrow(caseId));
        return kase->supportingFamilies ? kase : nullptr;
    });
}

std::vector<store::CaseRecord> CaseService::history(const Caller& caller,
                                                    const std::string& caseId) {
    return audited(caller, Action::read, caseId, [&] {
        Authoriser::require(caller, Action::read);
        Authoriser::requireTeam(caller, Action::read, currentOrThrow(caseId).team);
        return _store.caseHistory(caseId);
    });
}

// Reads the current version, lets `makeChange` (Change(const store::CaseRecord& current))
// check it and build the next one, validates and stores that. When another writer stored a
// version in between, the change is made again on the newer one (up to kWriteAttempts times),
// so that its checks always judge the version it replaces.
template <typename MakeChange>
store::CaseRecord CaseService::writeVersion(const store::User& user, const std::string& caseId,
                                            const std::string& action, WriteAudit& audit,
                                            MakeChange makeChange) {
    for (int attempt = 1;; ++attempt) {
        const store::CaseRecord current = currentOrThrow(caseId);
        Change change = makeChange(current);
        store::CaseRecord next =
            nextVersion(current, validated(change.json), change.json, user, action);
        for (store::StoredDocument& doc : change.documents) doc.caseVersion = next.version;
        switch (_store.updateCase(next, change.documents, audit.okEntry(caseId))) {
            case store::WriteResult::ok:
                audit.stored = true;
                return next;
            case store::WriteResult::notFound:
                throw NotFoundException("there is no case " + caseId);
            default:
                if (attempt == kWriteAttempts) {
                    throw StaleVersionException("case " + caseId +
                                                " kept changing while this write was made "
                                                "(version " +
                                                std::to_string(current.version) +
                                                " is no longer current): GET it again and retry");
                }
        }
    }
}

store::CaseRecord CaseService::update(const Caller& caller, const std::string& caseId,
                                      std::optional<int> expectedVersion, const std::string& body) {
    return audited(caller, Action::update, caseId, [&](WriteAudit& audit) {
        const store::User& user = Authoriser::require(caller, Action::update);
        return writeVersion(user, caseId, "update", audit, [&](const store::CaseRecord& current) {
            Authoriser::requireTeam(caller, Action::update, current.team);
            ClosureGate::refuseWhenClosed(current);
            requireVersion(current, expectedVersion);
            const Case kase = validated(body);
            if (kase.caseId != caseId) {
                InvalidCaseException error("the body's case_id \"" + kase.caseId +
                                           "\" is not the case being updated (" + caseId + ")");
                error.setDetails(errorList({{"case_id", "must be \"" + caseId + "\""}}));
                throw error;
            }
            Authoriser::requireTeam(caller, Action::update, kase.service.team);
            ClosureGate::refuseClosingByEdit(caseId, current.json, body);
            return Change{body, {}};
        });
    });
}

ReadinessReport CaseService::readiness(const Caller& caller, const std::string& caseId,
                                       const std::string& asOf) {
    return audited(caller, Action::read, caseId, [&] {
        Authoriser::require(caller, Action::read);
        // The head (version and team) is enough while the parsed case is cached.
        std::optional<store::CaseRecord> head = _store.currentHead(caseId);
        if (!head) throw NotFoundException("there is no case " + caseId);
        Authoriser::requireTeam(caller, Action::read, head->team);
        return reportFor(*head, asOf.empty() ? today().iso() : asOf);
    });
}

store::CaseRecord CaseService::close(const Caller& caller, const std::string& caseId) {
    return audited(caller, Action::close, caseId, [&](WriteAudit& audit) {
        const store::User& user = Authoriser::require(caller, Action::close);
        return writeVersion(user, caseId, "close", audit, [&](const store::CaseRecord& current) {
            Authoriser::requireTeam(caller, Action::close, current.team);
            ClosureGate::refuseWhenClosed(current);
            const ReadinessReport report = reportFor(current, today().iso());
            if (!report.readyToClose) {
                NotReadyToCloseException error("case " + caseId +
                                               " is not ready to close: see details.blocking");
                error.setDetails(parseReport(report.json));
                throw error;
            }
            Object::Ptr json = CaseJson::parse(current.json);
            CaseJson::authoriseClosure(json, CaseJson::workerFor(json, user), today().iso());
            return Change{CaseJson::write(json), {}};
        });
    });
}

store::CaseRecord CaseService::reopen(const Caller& caller, const std::string& caseId,
                                      const std::string& reason) {
    std::string detail = Poco::trim(reason);
    return audited(
        caller, Action::reopen, caseId,
        [&](WriteAudit& audit) {
            const store::User& user = Authoriser::require(caller, Action::reopen);
            return writeVersion(
                user, caseId, "reopen", audit, [&](const store::CaseRecord& current) {
                    Authoriser::requireTeam(caller, Action::reopen, current.team);
                    if (detail.empty()) {
                        throw BadRequestException(
                            "reopening needs a reason: send {\"reason\": \"...\"}, which is "
                            "recorded in the case's chronology");
                    }
                    if (current.status != "closed") {
                        throw ConflictException("case " + caseId +
                                                " is not closed; only a closed case is reopened");
                    }
                    Object::Ptr json = CaseJson::parse(current.json);
                    CaseJson::reopen(json, today().iso(), detail, user.name);
                    return Change{CaseJson::write(json), {}};
                });
        },
        &detail);
}

RenderedDocument CaseService::render(const Caller& caller, const std::string& caseId,
                                     const RenderRequest& request) {
    return audited(caller, Action::render, caseId, [&] {
        Authoriser::require(caller, Action::render);
        const store::CaseRecord current = currentOrThrow(caseId);
        Authoriser::requireTeam(caller, Action::render, current.team);
        requireKnownFormat(request);
        if (!_renderer) throw NotFoundException("this service has no document renderer");
        return _renderer->render(*parsed(current), dated(request));
    });
}

IssueResult CaseService::issue(const Caller& caller, const std::string& caseId,
                               const RenderRequest& request) {
    std::string detail;
    return audited(
        caller, Action::issue, caseId,
        [&](WriteAudit& audit) {
            const store::User& user = Authoriser::require(caller, Action::issue);
            if (!_renderer) throw NotFoundException("this service has no document renderer");
            store::StoredDocument doc;
            const store::CaseRecord next =
                writeVersion(user, caseId, "issue", audit, [&](const store::CaseRecord& current) {
                    Authoriser::requireTeam(caller, Action::issue, current.team);
                    requireKnownFormat(request);
                    ClosureGate::refuseWhenClosed(current);
                    RenderedDocument rendered = _renderer->render(*parsed(current), dated(request));
                    doc = storedDocument(caseId, request, rendered, user, nowIso());
                    detail = doc.docId;  // the audit entry stored with the version names it

                    Object::Ptr json = CaseJson::parse(current.json);
                    CaseJson::appendDocument(
                        json, {doc.docId, doc.type, doc.createdAt, CaseJson::workerFor(json, user),
                               doc.format, doc.sha256, rendered.templateVersion});
                    if (rendered.familyLetter) {
                        CaseJson::appendLetter(json, today().iso(), rendered.title, doc.docId);
                    }
                    return Change{CaseJson::write(json), {doc}};
                });
            detail = doc.docId;
            return IssueResult{doc.docId, doc.sha256, next.version};
        },
        &detail);
}

store::StoredDocument CaseService::document(const Caller& caller, const std::string& docId) {
    std::string caseId;
    std::string detail = docId;
    return audited(
        caller, Action::download, caseId,
        [&] {
            Authoriser::require(caller, Action::download);
            std::optional<store::StoredDocument> doc = _store.document(docId);
            if (!doc) throw NotFoundException("there is no document " + docId);
            caseId = doc->caseId;
            Authoriser::requireTeam(caller, Action::download, currentOrThrow(caseId).team);
            return *doc;
        },
        &detail);
}

std::string CaseService::subjectAccess(const Caller& caller, const std::string& caseId) {
    return audited(caller, Action::subjectAccess, caseId, [&] {
        const store::User& user = Authoriser::require(caller, Action::subjectAccess);
        const store::CaseRecord current = currentOrThrow(caseId);
        Authoriser::requireTeam(caller, Action::subjectAccess, current.team);
        store::AuditQuery query;
        query.caseId = caseId;
        query.limit = static_cast<std::size_t>(-1) >> 1;
        return SubjectAccessArchive::build(current, _store.caseHistory(caseId),
                                           _store.caseDocuments(caseId), _store.audit(query),
                                           user.name, _clock());
    });
}

AuditPage CaseService::audit(const Caller& caller, store::AuditQuery query) {
    return audited(caller, Action::audit, query.caseId, [&] {
        Authoriser::require(caller, Action::audit);
        for (std::string* bound : {&query.from, &query.to}) {
            if (bound->empty()) continue;
            if (bound->size() < 10 || !Date::parse(bound->substr(0, 10))) {
                throw BadRequestException("from/to: \"" + *bound +
                                          "\" is not a date (YYYY-MM-DD) or a UTC time "
                                          "(YYYY-MM-DDTHH:MM:SSZ)");
            }
        }
        if (query.to.size() == 10) query.to += "T23:59:59Z";  // a date means the whole day
        if (query.limit == 0 || query.limit > kMaxPage) {
            throw BadRequestException("limit: " + std::to_string(query.limit) +
                                      " is not between 1 and " + std::to_string(kMaxPage));
        }
        AuditPage page;
        page.total = _store.auditCount(query);
        ++query.limit;  // one more tells whether another page follows
        page.entries = _store.audit(query);
        page.more = page.entries.size() == query.limit;
        if (page.more) page.entries.pop_back();
        return page;
    });
}

void CaseService::requireAccess(const Caller& caller, Action action, const std::string& caseId) {
    try {
        Authoriser::require(caller, action);
        const std::optional<store::CaseRecord> head = _store.currentHead(caseId);
        if (!head) throw NotFoundException("there is no case " + caseId);
        Authoriser::requireTeam(caller, action, head->team);
    } catch (const ServiceException& e) {
        store::AuditEntry entry = auditEntry(caller, actionName(action), caseId);
        entry.outcome = e.name();
        entry.detail = e.message();
        _audit.record(entry);
        throw;
    }
}

void CaseService::exportWorkbook(const Caller& caller, const std::string& what,
                                 const std::string& team, const OpenExport& open,
                                 const ExportProgress& progress, const std::string& detail) {
    const Action action = exportAction(what);
    std::string text = detail.empty() ? what : detail;
    audited(
        caller, action, "",
        [&] {
            const std::string scope = exportScope(caller, action, team);
            const std::unique_ptr<WorkbookExport> out = open();
            streamCases(scope, *out, progress);
            out->finish();
            return true;
        },
        &text);
}

void CaseService::acceptExport(const Caller& caller, const std::string& what,
                               const std::string& team, const std::function<void()>& accept,
                               const std::string& detail) {
    const Action action = exportAction(what);
    std::string text = detail;
    audited(
        caller, action, "",
        [&] {
            exportScope(caller, action, team);
            accept();
            return true;
        },
        &text);
}

void CaseService::recordExport(const Caller& caller, const std::string& outcome,
                               const std::string& detail) {
    store::AuditEntry entry = auditEntry(caller, actionName(Action::exportSf), "");
    entry.outcome = outcome;
    entry.detail = detail;
    _audit.record(entry);
}

std::string CaseService::exportScope(const Caller& caller, Action action, const std::string& team) {
    const store::User& user = Authoriser::require(caller, action);
    const std::optional<std::string> scope = Authoriser::teamScope(caller);
    if (!scope) return "";
    if (!team.empty() && team != *scope) {
        throw ForbiddenException(user.name + " may export only cases of team \"" + *scope +
                                 "\", not \"" + team + "\"");
    }
    return *scope;
}

// Keyset pages of cases with their case files in case id order (so the same store gives the
// same workbook), each page's files parsed on every core and added in that order.
void CaseService::streamCases(const std::string& scope, WorkbookExport& out,
                              const ExportProgress& progress) {
    store::CasePageQuery query;
    query.team = scope;
    query.sort = store::CaseSort::caseId;
    query.limit = kExportBatch;
    query.withJson = true;
    const ParallelReader reader;
    std::size_t read = 0;
    for (;;) {
        const store::CasePage page = _store.casePage(query);
        std::vector<ReadResult> batch = reader.read(page.cases.size(), [&](std::size_t i) {
            return CaseReader::fromJson(page.cases[i].json);
        });
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!batch[i].ok()) {
                throw ServiceException("stored case " + page.cases[i].caseId +
                                       " no longer validates: " + batch[i].errors.front().text());
            }
            out.add(*batch[i].kase);
        }
        read += batch.size();
        batch.clear();
        if (progress) progress(read, std::max(read, page.total));
        if (!page.next) return;
        query.after = page.next;
    }
}

void CaseService::recordRefusal(const Caller& caller, const std::string& caseId,
                                const std::string& what, const std::string& code,
                                const std::string& message) {
    store::AuditEntry entry = auditEntry(caller, "request", caseId);
    entry.outcome = code;
    entry.detail = what + ": " + message;
    _audit.record(entry);
}

std::size_t CaseService::caseCount() {
    return _store.caseCount();
}

RendererStats CaseService::rendererStats() {
    return _renderer ? _renderer->stats() : RendererStats{};
}

}  // namespace ehdocs::server
