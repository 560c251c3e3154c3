// A write and its audit entry are one transaction (docs/security.md, "A write and its audit
// entry"): the store appends a write's entry with the version it stores, so a version never
// lacks its entry, even when the separate audit path (the group-commit writer used for reads
// and refusals) cannot write at all.

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "server/Tokens.h"
#include "store/MemoryStore.h"

using namespace ehdocs;

namespace {

// A MemoryStore whose separate audit appends fail (as a full disk would fail them after a
// version was written, in two transactions).
class NoSeparateAudit : public store::MemoryStore {
public:
    void appendAudit(const std::vector<store::AuditEntry>&) override {
        throw store::StoreException("the audit trail cannot be written");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(write_audit)

BOOST_AUTO_TEST_CASE(every_stored_version_has_its_audit_entry_from_the_same_write) {
    NoSeparateAudit store;
    server::AuditLog audit(store);
    server::RulesReadiness readiness(rules::ProfileRegistry::builtIn(), "standard");
    server::CaseService service(
        store, audit, readiness, nullptr, [] { return Poco::Timestamp::fromEpochTime(1782900000); },
        server::Settings{}.cacheBytes);
    const std::string token = server::Tokens::generate();
    store.addUser({"amira", "admin", "", server::Tokens::sha256Hex(token), ""});
    const server::Caller caller = service.authenticate(token, "r1");

    const std::string body = test::ApiFixture::example("okafor-ready-to-close");
    const store::CaseRecord created = service.create(caller, body);
    BOOST_TEST(created.version == 1);
    const store::CaseRecord updated = service.update(caller, created.caseId, 1, body);
    BOOST_TEST(updated.version == 2);

    const std::vector<store::AuditEntry> entries = store.audit({});
    BOOST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].action == "create");
    BOOST_TEST(entries[0].outcome == "ok");
    BOOST_TEST(entries[0].caseId == created.caseId);
    BOOST_TEST(entries[1].action == "update");
    BOOST_TEST(entries[1].requestId == "r1");
    BOOST_TEST(store.caseHistory(created.caseId).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
