#pragma once

// The records service's domain: what each API call does, with plain types, no HTTP.
// Every call checks the caller's role and team (Authoriser), does its work, and appends one
// audit entry whatever the outcome (allowed, refused or failed) before it returns or throws.
// Writes make a new version of the case (never change one); closing and reopening go through
// their own calls only (ClosureGate). Failures are the exceptions of server/Errors.h (and
// store::StoreException). Thread-safe; holds references to its dependencies, which must
// outlive it.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "case/Clock.h"
#include "export/WorkbookExport.h"
#include "server/AuditLog.h"
#include "server/Authoriser.h"
#include "server/CaseCache.h"
#include "server/DocumentRenderer.h"
#include "server/ReadinessChecker.h"
#include "server/Roles.h"
#include "store/Store.h"

namespace ehdocs::server {

// A page of the audit trail: `entries` oldest first; `more` when entries follow the last.
struct AuditPage {
    std::vector<store::AuditEntry> entries;
    bool more = false;
    std::size_t total = 0;  // entries matching the filters, on every page
};

// The largest page a list gives (GET /api/v1/cases and /api/v1/audit; default 50).
constexpr std::size_t kMaxPage = 500;

struct IssueResult {
    std::string docId, sha256;
    int caseVersion = 0;
};

class CaseService {
public:
    // `renderer` may be null: render and issue then answer 404 "no renderer". `clock` tells
    // every time and date the service writes. Parsed cases and their reports are cached up to
    // about `cacheBytes` (Settings::cacheBytes, cache.maxBytes).
    CaseService(store::Store& store, AuditLog& audit, ReadinessChecker& readiness,
                DocumentRenderer* renderer, Clock clock, std::size_t cacheBytes);

    // The caller named by a bearer token ("" = none), read from the store each time (a
    // replaced token or a disabled user is refused at once). Never throws for a bad token:
    // the caller is then anonymous and every call refuses it (401), audited.
    Caller authenticate(const std::string& token, const std::string& requestId);

    // Stores a new case (version 1). InvalidCaseException lists every validation error;
    // ConflictException when the case id exists; ClosureByCloseOnlyException when the file is
    // closed (`status: closed` or `closure.authorised`) and the caller is not an admin. An
    // admin's closed case (importing history) is stored, its audit entry saying so.
    store::CaseRecord create(const Caller& caller, const std::string& body);

    // One page of the current cases the caller may see (own team for coaches and team
    // leaders), read from the summaries the store keeps (one indexed query); BadRequestException
    // when `query.limit` is 0 or over kMaxPage. Renews first a few summaries a new day has made
    // stale (the SummarySweep renews the rest).
    store::CasePage list(const Caller& caller, store::CasePageQuery query);

    // The lead workers (id, name) of the cases `list` gives the caller, by name: the choices of
    // a caseload's lead-worker filter. Audited as a list.
    std::vector<std::pair<std::string, std::string>> leadWorkers(const Caller& caller);

    // The current version; for a Supporting Families coordinator, only the SF view of it.
    store::CaseRecord get(const Caller& caller, const std::string& caseId);

    // The case parsed, for its Supporting Families evidence page, to a role that may export
    // the SF workbook (audited as a read of the SF view); null when the family is not on the
    // programme. What is shown of it must be what the SF view holds (children named by the consent
    // rule: the export's sfFamily()).
    std::shared_ptr<const Case> supportingFamiliesCase(const Caller& caller,
                                                       const std::string& caseId);
    std::vector<store::CaseRecord> history(const Caller& caller, const std::string& caseId);

    // Stores `body` as the next version, when `expectedVersion` is the current one.
    // VersionRequiredException without one, StaleVersionException when it is not current;
    // CaseClosedException when the case is closed; ClosureByCloseOnlyException when `body`
    // sets `status: closed` or adds, changes or removes `closure.authorised`.
    store::CaseRecord update(const Caller& caller, const std::string& caseId,
                             std::optional<int> expectedVersion, const std::string& body);

    // The closure report, as of `asOf` (YYYY-MM-DD; "" = today).
    ReadinessReport readiness(const Caller& caller, const std::string& caseId,
                              const std::string& asOf);

    // Authorises closure in a new version. NotReadyToCloseException (details: the report)
    // while anything blocks; CaseClosedException when already closed.
    store::CaseRecord close(const Caller& caller, const std::string& caseId);

    // Reopens a closed case in a new version (CaseJson::reopen). BadRequestException when
    // `reason` is empty or blank; ConflictException when the case is not closed.
    store::CaseRecord reopen(const Caller& caller, const std::string& caseId,
                             const std::string& reason);

    RenderedDocument render(const Caller& caller, const std::string& caseId,
                            const RenderRequest& request);

    // Renders, stores the bytes and records the issue in a new case version.
    // CaseClosedException when the case is closed.
    IssueResult issue(const Caller& caller, const std::string& caseId,
                      const RenderRequest& request);

    // Exactly the stored bytes of an issued document.
    store::StoredDocument document(const Caller& caller, const std::string& docId);

    // A ZIP: case.json, every issued document, audit.json (see docs/api.md).
    std::string subjectAccess(const Caller& caller, const std::string& caseId);

    // A page of the audit trail (query.limit 1..kMaxPage, after query.afterSeq).
    AuditPage audit(const Caller& caller, store::AuditQuery query);

    // Checks that the caller's role and team allow `action` on the case, before a request's
    // body is read (authorisation comes before validation: docs/security.md). Records nothing
    // when allowed; a refusal (401, 403, 404) is audited and thrown.
    void requireAccess(const Caller& caller, Action action, const std::string& caseId);

    // Cases an export reads and holds parsed at once (one page of the store).
    static constexpr std::size_t kExportBatch = 200;

    // How far a streamed export is: cases read so far of the `total` the caller may export,
    // told after each batch. It may throw (ExportCancelledException) to stop the export.
    using ExportProgress = std::function<void(std::size_t read, std::size_t total)>;
    using OpenExport = std::function<std::unique_ptr<WorkbookExport>()>;

    // The workbook export named `what` ("sf.xlsx", "kpi.xlsx"; any other name is checked as
    // sf.xlsx), streamed, in one audited call whose detail is `detail` ("" = `what`), so that
    // the audit entry has the export's true outcome: the caller's role and team are checked
    // (a team leader: kpi.xlsx of their own team only), `open()` gives the export (a bad parameter
    // it refuses is audited as bad_request), then the caller's current cases are read kExportBatch
    // at a time in case id order, parsed on every core, each added to the export and dropped, and
    // the export is finished. Memory holds one batch, whatever the store holds. A stored case that
    // no longer validates fails the export.
    void exportWorkbook(const Caller& caller, const std::string& what, const std::string& team,
                        const OpenExport& open, const ExportProgress& progress = {},
                        const std::string& detail = "");

    // A job's submit: checks, in one audited call with `detail`, that `caller` may export
    // `what` for `team` (as exportWorkbook), then runs `accept` (the parameters checked and
    // the job queued), whose refusal is audited with its code.
    void acceptExport(const Caller& caller, const std::string& what, const std::string& team,
                      const std::function<void()>& accept, const std::string& detail);

    // Audits a call about an export job that reads no case (its status, its result): action
    // "export", `outcome` "ok" or the error code the caller is answered with.
    void recordExport(const Caller& caller, const std::string& outcome, const std::string& detail);

    // Audits a request refused before it reached any of the calls above (a body over the
    // limit, a method the path does not have): action "request", `what` says which.
    void recordRefusal(const Caller& caller, const std::string& caseId, const std::string& what,
                       const std::string& code, const std::string& message);

    // Today's UK date by the service's clock: the date closures, letters and documents get.
    Date today();

    std::size_t caseCount();
    RendererStats rendererStats();

private:
    // An audit entry of `caller` doing `action` now, its outcome and detail still to fill.
    store::AuditEntry auditEntry(const Caller& caller, const std::string& action,
                                 const std::string& caseId);
    // The team `caller` may export with `action` ("" = every team): ForbiddenException when
    // the role may not, or `team` is not theirs.
    std::string exportScope(const Caller& caller, Action action, const std::string& team);
    // Every current case of `scope`, a batch at a time, into `out`.
    void streamCases(const std::string& scope, WorkbookExport& out, const ExportProgress& progress);
    store::CaseRecord currentOrThrow(const std::string& caseId);
    std::shared_ptr<const Case> parsed(const store::CaseRecord& record);
    Case validated(const std::string& json);
    RenderRequest dated(RenderRequest request);  // produced on today, unless the caller chose
    void requireVersion(const store::CaseRecord& current, std::optional<int> expectedVersion);
    ReadinessReport reportFor(const store::CaseRecord& record, const std::string& asOf);
    store::CaseRecord nextVersion(const store::CaseRecord& current, const Case& kase,
                                  const std::string& json, const store::User& user,
                                  const std::string& action);

    // The audit entry of a write, appended by the store in the same transaction as the
    // version it stores (so no stored version lacks its entry, even after kill -9). audited()
    // fills in who, when and what; when the write stored it, audited() records nothing more.
    struct WriteAudit {
        store::AuditEntry entry;
        const std::string* detail = nullptr;  // audited()'s detail, read when the write stores
        bool stored = false;
        std::vector<store::AuditEntry> okEntry(const std::string& caseId) const;
    };

    // What a write puts in the case's next version.
    struct Change {
        std::string json;                              // the whole case file
        std::vector<store::StoredDocument> documents;  // stored with it (issued documents)
    };
    template <typename MakeChange>
    store::CaseRecord writeVersion(const store::User& user, const std::string& caseId,
                                   const std::string& action, WriteAudit& audit,
                                   MakeChange makeChange);
    std::string nowIso();

    template <typename Work>
    auto audited(const Caller& caller, Action action, const std::string& caseId, Work work,
                 std::string* detail = nullptr);

    store::Store& _store;
    AuditLog& _audit;
    ReadinessChecker& _readiness;
    DocumentRenderer* _renderer;
    Clock _clock;

    CaseCache _cache;
};

}  // namespace ehdocs::server
