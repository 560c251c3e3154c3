#pragma once

// A private directory for the files one engine process works on (internal to the PDF engine).
// Created with mode 0700 so that other local users cannot read the case text in the HTML or
// PDF; removed, with everything in it, by the destructor. Not thread-safe; each owner uses its
// own sub-directories.

#include <string>

namespace ehdocs {

class JobDirectory {
public:
    // Creates a new directory "ehdocs-pdf-XXXXXX" under `parent` ("" = the system temporary
    // directory). Throws PdfError if it cannot, or if the path holds a character the engine's
    // argument parser treats specially (a double quote, a backslash, a newline).
    explicit JobDirectory(const std::string& parent);
    ~JobDirectory();

    JobDirectory(const JobDirectory&) = delete;
    JobDirectory& operator=(const JobDirectory&) = delete;

    const std::string& path() const { return _path; }

    // Creates (if needed) the sub-directory `name` with mode 0700 and returns its path.
    std::string subdirectory(const std::string& name) const;

    // Small file helpers; each throws PdfError naming `document` on failure.
    static void writeFile(const std::string& path, const std::string& data,
                          const std::string& document);
    static std::string readFile(const std::string& path, const std::string& document);
    static void remove(const std::string& path);  // file or directory tree; never throws

private:
    std::string _path;
};

}  // namespace ehdocs
