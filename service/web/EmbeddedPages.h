#pragma once

// The web app's templates (web/*.mustache), compiled into the binary by
// service/render/EmbedFiles.cmake. Generated; see service/web/CMakeLists.txt.

#include <vector>

#include "render/EmbeddedFiles.h"

namespace ehdocs::web {

using render::EmbeddedFile;

const std::vector<EmbeddedFile>& embeddedFiles();

}  // namespace ehdocs::web
