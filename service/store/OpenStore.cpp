#include "store/OpenStore.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>

#include <algorithm>

#include "store/PostgresStore.h"
#include "store/SqliteStore.h"

namespace ehdocs::store {

namespace {

const std::string kSqlite = "sqlite:";

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::unique_ptr<Store> openStore(const std::string& location) {
    if (startsWith(location, kSqlite)) {
        const std::string path = location.substr(kSqlite.size());
        const Poco::Path parent = Poco::Path(path).parent();
        if (!parent.toString().empty()) Poco::File(parent).createDirectories();
        return std::make_unique<SqliteStore>(path);
    }
    if (startsWith(location, "postgresql://") || startsWith(location, "postgres://")) {
        return std::make_unique<PostgresStore>(location);
    }
    throw StoreException("store.url: \"" + describeLocation(location) +
                         "\" names no known store (sqlite:PATH or postgresql://...)");
}

std::string describeLocation(const std::string& location) {
    std::string shown = location;
    // postgresql://user:PASSWORD@host/...: the password in the authority.
    const std::size_t scheme = shown.find("://");
    if (scheme != std::string::npos) {
        const std::size_t start = scheme + 3;
        const std::size_t end = std::min(shown.find_first_of("/?", start), shown.size());
        const std::size_t at = shown.rfind('@', end);
        if (at != std::string::npos && at >= start) {
            const std::size_t colon = shown.find(':', start);
            if (colon != std::string::npos && colon < at) {
                shown.replace(colon + 1, at - colon - 1, "***");
            }
        }
    }
    // ...?password=PASSWORD&...: the password as a parameter.
    for (std::size_t at = shown.find("password="); at != std::string::npos;
         at = shown.find("password=", at + 1)) {
        if (at == 0 || (shown[at - 1] != '?' && shown[at - 1] != '&')) continue;
        const std::size_t value = at + 9;
        const std::size_t end = std::min(shown.find('&', value), shown.size());
        shown.replace(value, end - value, "***");
    }
    return shown;
}

}  // namespace ehdocs::store
