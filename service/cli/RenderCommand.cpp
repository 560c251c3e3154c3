// `ehdocs render`, `ehdocs types`, `ehdocs templates`: the record set from the command line.
// docs/cli.md describes each; the logic lives in service/render/.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <fcntl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

#include "case/CaseReader.h"
#include "case/Clock.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "pdf/PdfError.h"
#include "pdf/WkhtmltopdfPool.h"
#include "render/DocumentRenderer.h"
#include "render/EmbeddedFiles.h"
#include "render/RenderErrors.h"
#include "render/TemplateLint.h"

namespace po = boost::program_options;

namespace ehdocs::cli {
namespace {

using render::DocumentRenderer;
using render::DocumentRequest;
using render::RenderOptions;
using render::TemplateSet;

const char* const kRenderUsage =
    "usage: ehdocs render FILE --type TYPE [--meeting ID] [--format html|pdf] [-o OUT]\n"
    "       ehdocs render FILE --all --out-dir DIR [--format html|pdf]\n"
    "       ehdocs render FILES... --type TYPE --out-dir DIR [--format html|pdf]\n\n"
    "Renders documents of the record set from case files (`ehdocs types` lists the types).\n"
    "One document goes to OUT (default: standard output). With --out-dir each document is\n"
    "written as DIR/CASEID-TYPE[-MEETING].html|pdf. --all renders every type that applies\n"
    "to the case (docs/documents.md says when each applies).\n"
    "Exit status: 0 done, 2 invalid case file, 64 usage (also: unknown type or meeting,\n"
    "a type that does not apply), 70 rendering failed.\n\noptions";

struct Output {
    std::string file;  // case file it came from
    const Case* kase;
    DocumentRequest request;
    std::string path;  // "" or "-": standard output
};

bool writeFile(const std::string& path, const std::string& bytes) {
    if (path.empty() || path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return bool(std::cout);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return bool(out);
}

enum class NewFile { written, exists, failed };

// Creates `path` and writes `bytes`, never through an existing name: O_EXCL fails on anything
// already there, a symbolic link too (even a dangling one, which would otherwise be followed
// out of the folder).
NewFile writeNewFile(const std::string& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return errno == EEXIST ? NewFile::exists : NewFile::failed;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = ::close(fd) == 0 && done == bytes.size();
    return ok ? NewFile::written : NewFile::failed;
}

void progress(size_t done, size_t total, const std::string& name) {
    const int width = 30;
    int filled = total ? static_cast<int>(width * done / total) : width;
    std::string label = name.size() > 40 ? name.substr(0, 37) + "..." : name;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
              << done << "/" << total << " " << std::left << std::setw(40) << label << std::flush;
    if (done == total) std::cerr << "\n";
}

// Builds the renderer, with the authority's templates when given. Null after printing
// the reason when the templates cannot be used.
std::unique_ptr<DocumentRenderer> makeRenderer(const std::string& dir, const char* command) {
    try {
        TemplateSet templates =
            dir.empty() ? TemplateSet::builtIn() : TemplateSet::withOverrides(dir);
        return std::make_unique<DocumentRenderer>(std::move(templates));
    } catch (const render::RenderException& e) {
        std::cerr << "ehdocs " << command << ": " << e.message() << "\n";
        return nullptr;
    }
}

}  // namespace

int renderCommand(const Args& args) {
    po::options_description options(kRenderUsage);
    options.add_options()("help,h", "show this help")("type,t", po::value<std::string>(),
                                                      "the document type (see `ehdocs types`)")(
        "all", "every document type that applies to the case")(
        "meeting,m", po::value<std::string>(),
        "meeting id, for per-meeting types (taf_minutes, taf_invitation)")(
        "format,f", po::value<std::string>()->default_value("html"), "html or pdf")(
        "output,o", po::value<std::string>(), "file for one document (default: standard output)")(
        "out-dir", po::value<std::string>(), "folder for the documents (made if missing)")(
        "templates", po::value<std::string>(),
        "folder of templates that override the built-in ones")(
        "date", po::value<std::string>(),
        "the \"produced on\" date, YYYY-MM-DD (default: today, UK)");
    CommandLine line;
    if (auto stop = parseCommandLine("render", args, options, line)) return *stop;
    const po::variables_map& vm = line.options;
    auto usage = [&](const std::string& message) {
        std::cerr << "ehdocs render: " << message << "\n(`ehdocs render --help` for usage)\n";
        return kExitUsage;
    };
    if (line.words.empty()) return usage("name at least one case file");
    const std::vector<std::string>& files = line.words;
    if (auto refused = refuseSpecialFiles("render", files, false)) return *refused;
    const bool everyType = vm.count("all") > 0;
    const std::string type = vm.count("type") ? vm["type"].as<std::string>() : "";
    if (everyType == !type.empty()) return usage("give either --type TYPE or --all");
    const std::string format = vm["format"].as<std::string>();
    if (format != "html" && format != "pdf")
        return usage("--format must be html or pdf, not '" + format + "'");
    const std::string outDir = vm.count("out-dir") ? vm["out-dir"].as<std::string>() : "";
    const std::string output = vm.count("output") ? vm["output"].as<std::string>() : "";
    if ((everyType || files.size() > 1) && outDir.empty())
        return usage("several documents need --out-dir DIR");
    if (!output.empty() && !outDir.empty()) return usage("give -o or --out-dir, not both");
    RenderOptions renderOptions;
    renderOptions.meeting = vm.count("meeting") ? vm["meeting"].as<std::string>() : "";
    if (vm.count("date")) {
        renderOptions.producedOn = Date::parse(vm["date"].as<std::string>());
        if (!renderOptions.producedOn)
            return usage("--date must be a real date written YYYY-MM-DD, not '" +
                         vm["date"].as<std::string>() + "'");
    }
    const Date producedOn =
        renderOptions.producedOn ? *renderOptions.producedOn : ukToday(systemClock());
    renderOptions.producedOn = producedOn;

    std::unique_ptr<DocumentRenderer> renderer =
        makeRenderer(vm.count("templates") ? vm["templates"].as<std::string>() : "", "render");
    if (!renderer) return kExitRenderFailed;
    if (!type.empty() && !renderer->types().find(type))
        return usage("unknown document type '" + type + "'; `ehdocs types` lists them");

    // Read every case first: invalid files are reported together.
    int status = kExitOk;
    std::vector<std::pair<std::string, Case>> cases;
    for (const std::string& file : files) {
        ReadResult read = CaseReader::fromFile(file);
        if (!read.ok()) {
            for (const ValidationError& e : read.errors)
                std::cerr << file << ": " << e.text() << "\n";
            status = kExitInvalidCase;
            continue;
        }
        cases.emplace_back(file, std::move(*read.kase));
    }

    // Decide every output.
    std::vector<Output> outputs;
    const std::string extension = "." + format;
    for (const auto& [file, kase] : cases) {
        std::vector<DocumentRequest> requests;
        if (everyType) {
            requests = renderer->applicable(kase, producedOn);
        } else {
            const render::DocumentType* t = renderer->types().find(type);
            std::string why = t->notApplicable(kase);
            if (!why.empty()) {
                std::cerr << file << ": " << type << " does not apply to case " << kase.caseId
                          << ": " << why << "\n";
                if (files.size() == 1) return kExitUsage;
                continue;  // a batch skips the families it does not apply to
            }
            requests.push_back({t, renderOptions.meeting});
        }
        for (const DocumentRequest& r : requests) {
            std::string path = output;
            if (!outDir.empty())
                path = Poco::Path(outDir, kase.caseId + "-" + r.name() + extension).toString();
            outputs.push_back({file, &kase, r, path});
        }
    }
    if (!outDir.empty()) {
        try {
            Poco::File(outDir).createDirectories();
        } catch (const Poco::Exception& e) {
            std::cerr << "ehdocs render: cannot make the folder '" << outDir
                      << "': " << e.displayText() << "\n";
            return kExitRenderFailed;
        }
    }

    std::unique_ptr<WkhtmltopdfPool> pdf;
    const bool showProgress = outputs.size() > 1 && isatty(STDERR_FILENO);
    size_t done = 0;
    for (const Output& out : outputs) {
        RenderOptions options = renderOptions;
        options.meeting = out.request.meeting;
        try {
            std::string bytes;
            if (format == "pdf") {
                if (!pdf) pdf = std::make_unique<WkhtmltopdfPool>(PdfSettings{});
                bytes = renderer->renderPdf(*out.kase, out.request.type->id, options, *pdf);
            } else {
                bytes = renderer->renderHtml(*out.kase, out.request.type->id, options);
            }
            if (!writeFile(out.path, bytes)) {
                std::cerr << "ehdocs render: cannot write '" << out.path << "'\n";
                status = std::max(status, static_cast<int>(kExitRenderFailed));
            }
        } catch (const render::MeetingException& e) {
            std::cerr << out.file << ": " << e.message() << "\n";
            if (status == kExitOk) status = kExitUsage;
        } catch (const render::NotApplicableException& e) {
            std::cerr << out.file << ": " << e.message() << "\n";
            if (status == kExitOk) status = kExitUsage;
        } catch (const Poco::Exception& e) {  // TemplateException, PdfError
            std::cerr << out.file << ": " << out.request.name() << ": " << e.message() << "\n";
            if (status != kExitInvalidCase) status = kExitRenderFailed;
        }
        ++done;
        if (showProgress)
            progress(done, outputs.size(), out.kase->caseId + " " + out.request.name());
    }
    return status;
}

int typesCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs types\n\n"
        "Lists the document types `ehdocs render --type` accepts: id, audience, whether it is\n"
        "a family letter (no protective marking) or a record (OFFICIAL-SENSITIVE), whether\n"
        "it is rendered for one meeting (--meeting), and its title.\n\noptions");
    options.add_options()("help,h", "show this help");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).run(), vm);
    } catch (const po::error& e) {
        std::cerr << "ehdocs types: " << e.what() << "\n\n" << options;
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << options;
        return kExitOk;
    }
    render::DocumentTypes types = render::DocumentTypes::builtIn();
    std::cout << std::left << std::setw(22) << "TYPE" << std::setw(26) << "AUDIENCE" << std::setw(9)
              << "KIND" << std::setw(9) << "MEETING"
              << "TITLE\n";
    for (const render::DocumentType& t : types.all())
        std::cout << std::left << std::setw(22) << t.id << std::setw(26) << t.audience
                  << std::setw(9) << (t.familyFacing ? "letter" : "record") << std::setw(9)
                  << (t.needsMeeting ? "yes" : "-") << t.title << "\n";
    return kExitOk;
}

int templatesCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs templates lint [DIR]\n"
        "       ehdocs templates list [DIR]\n"
        "       ehdocs templates export DIR\n"
        "       ehdocs templates names TYPE\n\n"
        "lint    reports every name a template uses that its view model does not provide\n"
        "        (the built-in templates, each replaced by DIR's file of the same name);\n"
        "        exit 1 when it finds any.\n"
        "list    lists the templates and where each comes from.\n"
        "export  copies the built-in templates into DIR, to start an authority's own set.\n"
        "names   lists the names the view model of TYPE gives its template.\n"
        "docs/templates.md explains how to edit a template.\n\noptions");
    options.add_options()("help,h", "show this help");
    CommandLine line;
    if (auto stop = parseCommandLine("templates", args, options, line)) return *stop;
    const std::vector<std::string>& words = line.words;
    if (words.empty() || words.size() > 2 ||
        (words[0] != "lint" && words[0] != "list" && words[0] != "export" && words[0] != "names") ||
        ((words[0] == "export" || words[0] == "names") && words.size() != 2)) {
        std::cerr << "ehdocs templates: expected `lint [DIR]`, `list [DIR]`, `export DIR` or "
                     "`names TYPE`\n\n"
                  << options;
        return kExitUsage;
    }
    const std::string dir = words.size() == 2 ? words[1] : "";

    if (words[0] == "names") {
        render::DocumentTypes types = render::DocumentTypes::builtIn();
        const render::DocumentType* type = types.find(words[1]);
        if (!type) {
            std::cerr << "ehdocs templates: unknown document type '" << words[1]
                      << "'; `ehdocs types` lists them\n";
            return kExitUsage;
        }
        for (const std::string& name : render::viewModelNames(*type)) std::cout << name << "\n";
        return kExitOk;
    }

    if (words[0] == "export") {
        try {
            Poco::File(dir).createDirectories();
            for (const render::EmbeddedFile& f : render::embeddedFiles()) {
                std::string name = f.name;
                if (name.find(".json") != std::string::npos) continue;
                Poco::Path path(dir, name);
                const NewFile written = writeNewFile(path.toString(), std::string(f.data, f.size));
                if (written == NewFile::exists) {
                    std::cerr << "ehdocs templates: " << path.toString()
                              << " exists; left as it is\n";
                    continue;
                }
                if (written == NewFile::failed) {
                    std::cerr << "ehdocs templates: cannot write " << path.toString() << "\n";
                    return kExitRenderFailed;
                }
            }
        } catch (const Poco::Exception& e) {
            std::cerr << "ehdocs templates: " << e.displayText() << "\n";
            return kExitRenderFailed;
        }
        return kExitOk;
    }

    TemplateSet templates = TemplateSet::builtIn();
    if (!dir.empty()) {
        try {
            templates = TemplateSet::withOverrides(dir);
        } catch (const render::RenderException& e) {
            std::cerr << "ehdocs templates: " << e.message() << "\n";
            return kExitUsage;
        }
    }
    if (words[0] == "list") {
        for (const std::string& name : templates.names())
            std::cout << std::left << std::setw(32) << name << templates.origin(name) << "\n";
        return kExitOk;
    }
    std::vector<render::LintFinding> findings;
    try {
        findings = render::lintTemplates(templates, render::DocumentTypes::builtIn());
    } catch (const render::RenderException& e) {
        std::cerr << "ehdocs templates: " << e.message() << "\n";
        return kExitRenderFailed;
    }
    for (const render::LintFinding& f : findings) std::cout << f.text() << "\n";
    if (findings.empty()) {
        std::cerr << "templates: no problems found\n";
        return kExitOk;
    }
    std::cerr << findings.size() << " problem" << (findings.size() == 1 ? "" : "s") << " found\n";
    return kExitNotReady;
}

}  // namespace ehdocs::cli
