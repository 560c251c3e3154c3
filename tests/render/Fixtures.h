#pragma once

// Shared helpers for the render tests: case files from the repository, one renderer with
// the built-in templates, and a way to reach into a view model.

#include <string>
#include <vector>

#include "case/Case.h"
#include "render/DocumentRenderer.h"
#include "render/View.h"

namespace ehdocs::test {

// A case file under the repository root (`examples/okafor-ready-to-close.json`); fails the
// test when it does not load.
const Case& loadCase(const std::string& relativePath);
// The renderer with the built-in templates (built once).
const render::DocumentRenderer& renderer();
// Options with a fixed "produced on" date and, optionally, a meeting.
render::RenderOptions on(const std::string& isoDate, const std::string& meeting = "");
// The same, with the closure check's report for `kase` (built-in profiles, on that date) that
// closure_readiness is built from.
render::RenderOptions on(const Case& kase, const std::string& isoDate,
                         const std::string& meeting = "");
// The value at `path` in a view: "children.1.age" (list items by index). Fails when absent.
const render::View& at(const render::View& view, const std::string& path);
std::string textAt(const render::View& view, const std::string& path);
// Every document that applies to the case, rendered to HTML.
std::vector<std::pair<std::string, std::string>> renderAll(const Case& kase,
                                                           const std::string& isoDate);
// A fresh empty temporary folder, removed when the test program ends.
std::string tempDir();
std::string readFile(const std::string& path);
// The text of a PDF, as pdftotext reads it.
std::string pdfText(const std::string& pdf);

}  // namespace ehdocs::test
