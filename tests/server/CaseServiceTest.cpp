// CaseService without a server, with the real record set and PDF engine: issuing every kind of
// document the examples allow keeps the case valid, and the stored bytes are what was rendered.

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"
#include "case/CaseReader.h"
#include "pdf/WkhtmltopdfPool.h"
#include "render/DocumentRenderer.h"
#include "render/TemplateSet.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/Errors.h"
#include "server/RecordRenderer.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "server/Tokens.h"
#include "store/MemoryStore.h"

using namespace ehdocs;

namespace {

struct RealService {
    store::MemoryStore store;
    server::AuditLog audit{store};
    server::RulesReadiness readiness{rules::ProfileRegistry::builtIn(), "standard"};
    static PdfSettings onePdfEngine() {
        PdfSettings settings;
        settings.poolSize = 1;
        return settings;
    }
    server::RecordRenderer renderer{
        std::make_unique<render::DocumentRenderer>(render::TemplateSet::builtIn()),
        std::make_unique<WkhtmltopdfPool>(onePdfEngine())};
    server::CaseService service{store,
                                audit,
                                readiness,
                                &renderer,
                                [] { return Poco::Timestamp::fromEpochTime(1782900000); },
                                server::Settings{}.cacheBytes};
    server::Caller admin =
        server::Caller::of(store::User{"amira", "admin", "", "", ""}, "test-1", true);
};

}  // namespace

BOOST_AUTO_TEST_CASE(issuing_real_documents_keeps_the_case_valid_and_the_bytes_exact) {
    RealService s;
    s.service.create(s.admin, test::ApiFixture::example("okafor-ready-to-close"));
    const std::string id = "NH-FF-2026-0142";

    const server::IssueResult html =
        s.service.issue(s.admin, id, {"closure_letter", "html", "", std::nullopt});
    const server::IssueResult pdf =
        s.service.issue(s.admin, id, {"closure_letter", "pdf", "", std::nullopt});
    BOOST_TEST(pdf.caseVersion == 3);

    const store::StoredDocument stored = s.service.document(s.admin, pdf.docId);
    BOOST_TEST(stored.contentType == "application/pdf");
    BOOST_TEST(stored.bytes.rfind("%PDF-", 0) == 0u);
    BOOST_TEST(server::Tokens::sha256Hex(stored.bytes) == pdf.sha256);
    const std::string page = s.service.document(s.admin, html.docId).bytes;
    BOOST_TEST(page.find("Okafor") != std::string::npos);

    // The new versions still pass validation and the closure rules still say ready.
    BOOST_TEST(s.service.readiness(s.admin, id, "").readyToClose);
    // `by` names a worker: the user, added to the case's workers.
    const ReadResult current = CaseReader::fromJson(s.service.get(s.admin, id).json);
    BOOST_TEST_REQUIRE(current.ok());
    BOOST_TEST(current.kase->documents.back().by == "user.amira");
    BOOST_TEST(current.kase->worker("user.amira")->name == "amira");
}

BOOST_AUTO_TEST_CASE(render_errors_become_service_errors) {
    RealService s;
    s.service.create(s.admin, test::ApiFixture::example("okafor-ready-to-close"));
    const std::string id = "NH-FF-2026-0142";
    BOOST_CHECK_THROW(s.service.render(s.admin, id, {"no_such_type", "html", "", std::nullopt}),
                      server::NotFoundException);
    BOOST_CHECK_THROW(s.service.render(s.admin, id, {"taf_minutes", "html", "", std::nullopt}),
                      server::BadRequestException);
    BOOST_CHECK_THROW(
        s.service.render(s.admin, id, {"taf_minutes", "html", "no-such-meeting", std::nullopt}),
        server::BadRequestException);
}

namespace {

struct FailingReadiness : server::ReadinessChecker {
    server::ReadinessReport check(const Case&, Date) override {
        throw std::runtime_error("the rules ran out of memory");
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_failure_of_any_kind_is_audited_before_it_reaches_the_caller) {
    store::MemoryStore store;
    server::AuditLog audit{store};
    FailingReadiness readiness;
    server::CaseService service{store,
                                audit,
                                readiness,
                                nullptr,
                                [] { return Poco::Timestamp::fromEpochTime(1782900000); },
                                server::Settings{}.cacheBytes};
    const server::Caller admin =
        server::Caller::of(store::User{"amira", "admin", "", "", ""}, "fail-1", true);
    service.create(admin, test::ApiFixture::example("okafor-ready-to-close"));
    BOOST_CHECK_THROW(service.readiness(admin, "NH-FF-2026-0142", ""), std::runtime_error);
    const std::vector<store::AuditEntry> trail = store.audit({});
    BOOST_TEST_REQUIRE(trail.size() == 2u);
    BOOST_TEST(trail[1].action == "read");
    BOOST_TEST(trail[1].caseId == "NH-FF-2026-0142");
    BOOST_TEST(trail[1].outcome == "internal_error");
    BOOST_TEST(trail[1].detail == "the rules ran out of memory");
}
