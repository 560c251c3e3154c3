#pragma once

// The audit trail's hash chain (docs/security.md, "Audit trail"). Every entry carries the
// hash of the entry before it (`prevHash`, "" for the first) and its own `hash`: the SHA-256
// of its fields and `prevHash`. Changing an entry breaks the chain at that entry; removing or
// inserting one breaks it at the entry after. Entries written before the chain existed
// (schema 1) have no hash and may only come first.

#include <cstddef>
#include <optional>
#include <string>

#include "store/Store.h"

namespace ehdocs::store {

class AuditChain {
public:
    // The hex SHA-256 of the entry's seq, fields and prevHash (not of `hash`).
    static std::string hashOf(const AuditEntry& entry);

    // The entry as a store keeps it: every text field valid UTF-8 (ValidUtf8.h), so that the
    // audit trail can always be written as JSON.
    static AuditEntry stored(const AuditEntry& entry);

    // Links `entry` after the entry whose hash is `previousHash`: sets prevHash and hash.
    static void link(AuditEntry& entry, const std::string& previousHash);

    struct Break {
        long long seq = 0;
        std::string reason;
    };
    struct Report {
        std::size_t entries = 0;      // read, including the unchained ones
        std::size_t unchained = 0;    // written before the chain existed
        std::optional<Break> broken;  // the first broken link; nothing when intact
    };

    // Reads every entry of `store`, oldest first, and reports the first broken link.
    // Throws StoreException when the store cannot be read.
    static Report verify(Store& store);
};

}  // namespace ehdocs::store
