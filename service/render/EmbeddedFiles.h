#pragma once

// The built-in templates, compiled into the binary from the repository's files
// (templates/, letters/, forms/) by EmbedFiles.cmake. Generated; see service/render/CMakeLists.txt.

#include <cstddef>
#include <vector>

namespace ehdocs::render {

struct EmbeddedFile {
    const char* name;  // base name: `closure_letter.mustache`
    const char* path;  // path in the repository: `letters/closure_letter.mustache`
    const char* data;  // the bytes, NUL-terminated
    std::size_t size;  // without the terminating NUL
};

const std::vector<EmbeddedFile>& embeddedFiles();

}  // namespace ehdocs::render
