#pragma once

// Opens the store a location names, the one place that knows every implementation:
//   sqlite:PATH                 the embedded SQLite file (its folder is created when absent)
//   postgresql://...            a PostgreSQL database (a libpq connection URI; PostgresStore.h)
// Throws StoreException for a location of no known kind, or when the store cannot be opened.

#include <memory>
#include <string>

#include "store/Store.h"

namespace ehdocs::store {

std::unique_ptr<Store> openStore(const std::string& location);

// The location with any password replaced by ***, for messages and logs.
std::string describeLocation(const std::string& location);

}  // namespace ehdocs::store
