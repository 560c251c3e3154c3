#include "store/DataFolder.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/Store.h"

namespace ehdocs::store {

namespace {

std::string lastError() {
    return std::strerror(errno);
}

}  // namespace

void prepareDataFolder(const std::string& dir) {
    const Poco::Path path = Poco::Path(dir).makeDirectory();
    const Poco::Path parent = Poco::Path(path).makeParent();
    try {
        if (parent.depth() > 0 || parent.isAbsolute()) Poco::File(parent).createDirectories();
    } catch (const Poco::Exception& e) {
        throw StoreException("cannot make the data folder " + dir + ": " + e.displayText());
    }
    const std::string name = path.toString();
    if (::mkdir(name.c_str(), 0700) != 0 && errno != EEXIST) {
        throw StoreException("cannot make the data folder " + dir + ": " + lastError());
    }
    struct stat info {};
    if (::stat(name.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        throw StoreException("the data folder " + dir + " is not a folder");
    }
    // Only group and other bits are taken away: a folder its owner made read-only stays so
    // (and the store then refuses to start on it).
    if ((info.st_mode & 077) == 0) return;
    if (info.st_uid != ::geteuid() || (info.st_mode & S_ISVTX)) {
        throw StoreException("the data folder " + dir +
                             " is shared with other users; give data.dir a folder of its own");
    }
    if (::chmod(name.c_str(), info.st_mode & 0700) != 0) {
        throw StoreException("cannot make the data folder " + dir + " private: " + lastError());
    }
}

void privateFile(const std::string& path) {
    // An existing file is narrowed by path, never opened: it may be open in this process
    // already (a second store on the same database), and closing any descriptor of a file
    // drops every POSIX lock the process holds on it, SQLite's included.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {  // new, so open nowhere else: safe to close
        const bool ok = ::fchmod(fd, 0600) == 0;
        const std::string error = ok ? "" : lastError();
        ::close(fd);
        if (!ok) throw StoreException("cannot make " + path + " private: " + error);
        return;
    }
    if (errno != EEXIST) throw StoreException("cannot create " + path + ": " + lastError());
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        throw StoreException("cannot read " + path + ": " + lastError());
    }
    // A symbolic link planted where the database should be is refused, not followed.
    if (!S_ISREG(info.st_mode)) throw StoreException(path + " is not a regular file");
    // Group and other bits only: a file its owner made read-only stays read-only.
    if ((info.st_mode & 077) != 0 && ::chmod(path.c_str(), info.st_mode & 0600) != 0) {
        throw StoreException("cannot make " + path + " private: " + lastError());
    }
}

}  // namespace ehdocs::store
