#pragma once

// The data folder and the database files in it hold children's records, so nobody but the
// service's own user may read them, whatever the process's umask (docs/security.md,
// "Files on disk"):
// - prepareDataFolder makes the folder (and missing parents) mode 0700, and takes the group's
//   and others' permissions away from an existing folder the service's user owns;
// - privateFile creates a file mode 0600 (or takes the group's and others' permissions away
//   from an existing one), before SQLite opens it; SQLite gives the write-ahead log and
//   shared-memory files the database file's mode.
// Neither adds a permission: a folder or file its owner made read-only stays read-only.

#include <string>

namespace ehdocs::store {

// Throws StoreException when the folder cannot be made, belongs to another user, or is a
// shared folder (sticky bit, like /tmp) that must not be narrowed.
void prepareDataFolder(const std::string& dir);

// Creates `path` empty with mode 0600 when absent; narrows an existing file to its owner.
// Throws StoreException on failure.
void privateFile(const std::string& path);

}  // namespace ehdocs::store
