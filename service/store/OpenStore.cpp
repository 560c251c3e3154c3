#include "store/OpenStore.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/URI.h>

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
    if (startsWith(location, kSqlite)) return location;
    try {
        Poco::URI uri(location);
        const std::string info = uri.getUserInfo();
        const std::size_t colon = info.find(':');
        if (colon != std::string::npos) uri.setUserInfo(info.substr(0, colon) + ":***");
        Poco::URI::QueryParameters parameters = uri.getQueryParameters();
        for (auto& [name, value] : parameters) {
            if (name == "password") value = "***";
        }
        uri.setQueryParameters(parameters);
        return uri.toString();
    } catch (const Poco::SyntaxException&) {
        return "(a location that is not a URI)";
    }
}

}  // namespace ehdocs::store
