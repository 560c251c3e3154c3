#include "Fixtures.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "Processes.h"
#include "case/CaseReader.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"

namespace ehdocs::test {

const Case& loadCase(const std::string& relativePath) {
    static std::map<std::string, std::unique_ptr<Case>> cache;
    auto it = cache.find(relativePath);
    if (it != cache.end()) return *it->second;
    ReadResult read = CaseReader::fromFile(std::string(EHDOCS_SOURCE_DIR) + "/" + relativePath);
    for (const ValidationError& e : read.errors)
        BOOST_TEST_MESSAGE(relativePath << ": " << e.text());
    BOOST_REQUIRE_MESSAGE(read.ok(), relativePath << " does not load");
    return *(cache[relativePath] = std::make_unique<Case>(std::move(*read.kase)));
}

const render::DocumentRenderer& renderer() {
    static render::DocumentRenderer instance(render::TemplateSet::builtIn());
    return instance;
}

render::RenderOptions on(const std::string& isoDate, const std::string& meeting) {
    render::RenderOptions options;
    options.producedOn = Date::parse(isoDate);
    options.meeting = meeting;
    return options;
}

render::RenderOptions on(const Case& kase, const std::string& isoDate, const std::string& meeting) {
    static const rules::ProfileRegistry profiles = rules::ProfileRegistry::builtIn();
    render::RenderOptions options = on(isoDate, meeting);
    options.readiness = std::make_shared<const rules::CheckReport>(
        rules::checkClosure(kase, profiles.forCase(kase), *options.producedOn));
    return options;
}

const render::View& at(const render::View& view, const std::string& path) {
    const render::View* node = &view;
    std::istringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '.')) {
        if (node->isList()) {
            size_t index = std::stoul(part);
            BOOST_REQUIRE_MESSAGE(index < node->items().size(), path << ": no item " << index);
            node = &node->items()[index];
        } else {
            node = node->get(part);
            BOOST_REQUIRE_MESSAGE(node, path << ": no name '" << part << "'");
        }
    }
    return *node;
}

std::string textAt(const render::View& view, const std::string& path) {
    return at(view, path).text();
}

std::vector<std::pair<std::string, std::string>> renderAll(const Case& kase,
                                                           const std::string& isoDate) {
    std::vector<std::pair<std::string, std::string>> out;
    Date date = *Date::parse(isoDate);
    for (const render::DocumentRequest& r : renderer().applicable(kase, date))
        out.emplace_back(r.name(),
                         renderer().renderHtml(kase, r.type->id, on(kase, isoDate, r.meeting)));
    return out;
}

std::string tempDir() {
    static std::vector<std::unique_ptr<Poco::TemporaryFile>> keep;
    keep.push_back(std::make_unique<Poco::TemporaryFile>());
    keep.back()->createDirectories();
    return keep.back()->path();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string pdfText(const std::string& pdf) {
    std::string path = tempDir() + "/doc.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    const Run text = run("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"});
    BOOST_TEST_REQUIRE(text.status == 0, "pdftotext: " << text.err);
    return text.out;
}

}  // namespace ehdocs::test
