#include "store/AuditChain.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "store/ValidUtf8.h"

namespace ehdocs::store {

namespace {

// Length-prefixed, so that no two different entries serialise alike ("ab","c" vs "a","bc").
void field(Poco::SHA2Engine& engine, const std::string& value) {
    engine.update(std::to_string(value.size()) + ":");
    engine.update(value);
    engine.update(",");
}

}  // namespace

std::string AuditChain::hashOf(const AuditEntry& e) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    for (const std::string* value : {&e.at, &e.user, &e.role, &e.action, &e.caseId, &e.outcome,
                                     &e.requestId, &e.detail, &e.prevHash}) {
        field(engine, *value);
    }
    field(engine, std::to_string(e.seq));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

AuditEntry AuditChain::stored(const AuditEntry& entry) {
    AuditEntry clean = entry;
    for (std::string* value : {&clean.at, &clean.user, &clean.role, &clean.action, &clean.caseId,
                               &clean.outcome, &clean.requestId, &clean.detail}) {
        *value = validUtf8(*value);
    }
    return clean;
}

void AuditChain::link(AuditEntry& entry, const std::string& previousHash) {
    entry.prevHash = previousHash;
    entry.hash = hashOf(entry);
}

AuditChain::Report AuditChain::verify(Store& store) {
    Report report;
    AuditQuery page;
    page.limit = 1000;
    std::string previous;  // the hash the next entry must carry as prevHash
    bool chained = false;
    for (;;) {
        const std::vector<AuditEntry> entries = store.audit(page);
        for (const AuditEntry& e : entries) {
            ++report.entries;
            page.afterSeq = e.seq;
            if (e.hash.empty() && !chained) {
                ++report.unchained;
                continue;
            }
            chained = true;
            if (e.hash.empty()) {
                report.broken = Break{e.seq, "it has no hash (written or replaced outside ehdocs)"};
            } else if (e.prevHash != previous) {
                report.broken = Break{e.seq,
                                      "it does not follow the entry before it (an entry before it "
                                      "was removed, inserted or changed)"};
            } else if (hashOf(e) != e.hash) {
                report.broken = Break{e.seq, "its contents do not match its hash (it was changed)"};
            }
            if (report.broken) return report;
            previous = e.hash;
        }
        if (entries.size() < page.limit) return report;
    }
}

}  // namespace ehdocs::store
