#include "pdf/JobDirectory.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "pdf/PdfError.h"

namespace ehdocs {

JobDirectory::JobDirectory(const std::string& parent) {
    std::string base = parent.empty() ? Poco::Path::temp() : parent;
    if (base.empty() || base.back() != '/') base += '/';
    // mkdtemp rather than Poco::TemporaryFile: it creates the directory atomically with mode
    // 0700, so there is no moment when another user could open it.
    std::string pattern = base + "ehdocs-pdf-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data())) {
        throw PdfError("cannot create the PDF job directory in \"" + base +
                       "\": " + std::strerror(errno) + " (check pdf.tempDir)");
    }
    _path = buffer.data();
    if (_path.find_first_of("\"\\\n\r") != std::string::npos) {
        Poco::File(_path).remove(true);
        throw PdfError("the PDF job directory \"" + _path +
                       "\" contains a quote, backslash or newline; choose another pdf.tempDir");
    }
}

JobDirectory::~JobDirectory() {
    remove(_path);
}

std::string JobDirectory::subdirectory(const std::string& name) const {
    std::string path = _path + "/" + name;
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
        throw PdfError("cannot create \"" + path + "\": " + std::strerror(errno));
    }
    return path;
}

void JobDirectory::writeFile(const std::string& path, const std::string& data,
                             const std::string& document) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
        throw PdfError(document + ": cannot write \"" + path + "\": " + std::strerror(errno));
    }
}

std::string JobDirectory::readFile(const std::string& path, const std::string& document) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in || content.str().empty()) {
        throw PdfError(document + ": the engine reported success but wrote no PDF at \"" + path +
                       "\"");
    }
    return content.str();
}

void JobDirectory::remove(const std::string& path) {
    try {
        Poco::File file(path);
        if (file.exists()) file.remove(true);
    } catch (const Poco::Exception&) {
        // The next job overwrites it, and the directory is removed with the renderer.
    }
}

}  // namespace ehdocs
