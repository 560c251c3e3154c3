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
    if ((info.st_mode & 0777) == 0700) return;
    if (info.st_uid != ::geteuid() || (info.st_mode & S_ISVTX)) {
        throw StoreException("the data folder " + dir +
                             " is shared with other users; give data.dir a folder of its own");
    }
    if (::chmod(name.c_str(), 0700) != 0) {
        throw StoreException("cannot make the data folder " + dir + " private: " + lastError());
    }
}

void privateFile(const std::string& path) {
    // O_NOFOLLOW: a symlink planted where the database should be is refused, not followed.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw StoreException("cannot open " + path + ": " + lastError());
    const bool ok = ::fchmod(fd, 0600) == 0;
    const std::string error = ok ? "" : lastError();
    ::close(fd);
    if (!ok) throw StoreException("cannot make " + path + " private: " + error);
}

}  // namespace ehdocs::store
