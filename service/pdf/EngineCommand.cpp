#include "pdf/EngineCommand.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Path.h>
#include <unistd.h>

#include "pdf/EngineProcess.h"
#include "pdf/PdfError.h"

namespace ehdocs {

namespace {

std::string findExecutable(const std::string& name) {
    if (name.empty()) return {};
    if (name.find('/') != std::string::npos) {
        Poco::File file(name);
        return file.exists() && file.canExecute() ? Poco::Path(name).absolute().toString()
                                                  : std::string();
    }
    Poco::Path found;
    if (Poco::Path::find(Poco::Environment::get("PATH", "/usr/bin:/bin"), name, found)) {
        return found.toString();
    }
    return {};
}

// The target of a symbolic link, or "" if `path` is not one. (Poco::File can tell a link but
// not read it.)
std::string linkTarget(const std::string& path) {
    char buffer[4096];
    ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

std::string quoted(const std::string& path) {
    return "\"" + path + "\"";
}

}  // namespace

EngineCommand::EngineCommand(const PdfSettings& settings, const std::string& probeDir)
    : _settings(settings),
      _enginePath(findExecutable(settings.engine)),
      _engineName(Poco::Path(settings.engine).getFileName()) {
    // Bound but never listening: a connection to it is refused at once.
    _deadProxy.bind(Poco::Net::SocketAddress("127.0.0.1", 0), false);
    if (_settings.sandbox && !_enginePath.empty()) {
        _bwrapPath = findExecutable(_settings.bwrap);
        if (!_bwrapPath.empty()) {
            try {
                EngineLaunch probe = launch(probeDir, {"--version"}, true);
                _sandboxed = EngineProcess::runToExit(probe, std::chrono::seconds(15)) == 0;
            } catch (const Poco::Exception&) {
                _sandboxed = false;
            }
        }
    }
}

void EngineCommand::requireEngine(const std::string& document) const {
    if (_enginePath.empty()) {
        throw PdfError(document + ": the PDF engine \"" + _settings.engine +
                       "\" was not found (install wkhtmltopdf or set pdf.engine)");
    }
}

std::vector<std::string> EngineCommand::conversionFlags() const {
    const std::string proxy = "http://127.0.0.1:" + std::to_string(_deadProxy.address().port());
    return {"--page-size",
            "A4",
            "--margin-top",
            "18mm",
            "--margin-bottom",
            "18mm",
            "--margin-left",
            "18mm",
            "--margin-right",
            "18mm",
            "--encoding",
            "utf-8",
            "--disable-javascript",
            "--javascript-delay",
            "0",
            "--disable-local-file-access",
            "--disable-plugins",
            "--load-error-handling",
            "abort",
            "--load-media-error-handling",
            "ignore",
            "--proxy",
            proxy};
}

EngineLaunch EngineCommand::launch(const std::string& workDir, std::vector<std::string> engineArgs,
                                   bool sandboxed) const {
    EngineLaunch result;
    // Qt needs no display with the offscreen platform. XDG_RUNTIME_DIR must be private (0700),
    // which the work directory is; Qt's and fontconfig's caches go there too.
    result.env["QT_QPA_PLATFORM"] = "offscreen";
    result.env["XDG_RUNTIME_DIR"] = workDir;
    result.env["XDG_CACHE_HOME"] = workDir + "/.cache";
    result.env["HOME"] = workDir;
    if (!sandboxed) {
        result.program = _enginePath;
        result.args = std::move(engineArgs);
        return result;
    }
    result.program = _bwrapPath;
    std::vector<std::string>& a = result.args;
    // New user, pid, network, ipc, uts and cgroup namespaces; the engine dies with its parent.
    a = {"--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"};
    // Debian's merged /usr: /bin, /lib... are links into /usr; older layouts have directories.
    for (const std::string dir : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        std::string target = linkTarget(dir);
        if (!target.empty()) {
            a.insert(a.end(), {"--symlink", target, dir});
        } else {
            a.insert(a.end(), {"--ro-bind-try", dir, dir});
        }
    }
    a.insert(a.end(), {"--ro-bind-try",
                       "/etc/fonts",
                       "/etc/fonts",  //
                       "--ro-bind-try",
                       "/etc/ld.so.cache",
                       "/etc/ld.so.cache",  //
                       "--ro-bind-try",
                       "/var/cache/fontconfig",
                       "/var/cache/fontconfig",
                       "--dev",
                       "/dev",
                       "--proc",
                       "/proc",
                       "--tmpfs",
                       "/tmp",  //
                       "--bind",
                       workDir,
                       workDir,
                       "--chdir",
                       workDir});
    std::string engineDir = Poco::Path(_enginePath).parent().toString();
    if (engineDir.rfind("/usr/", 0) != 0) a.insert(a.end(), {"--ro-bind", engineDir, engineDir});
    a.push_back("--");
    a.push_back(_enginePath);
    a.insert(a.end(), engineArgs.begin(), engineArgs.end());
    return result;
}

EngineLaunch EngineCommand::serverLaunch(const std::string& workDir) const {
    return launch(workDir, {"--read-args-from-stdin"}, _sandboxed);
}

EngineLaunch EngineCommand::oneShotLaunch(const std::string& workDir, const std::string& html,
                                          const std::string& pdf) const {
    std::vector<std::string> args = conversionFlags();
    args.push_back(html);
    args.push_back(pdf);
    return launch(workDir, std::move(args), _sandboxed);
}

std::string EngineCommand::jobLine(const std::string& html, const std::string& pdf) const {
    std::string line;
    for (const std::string& flag : conversionFlags()) line += flag + " ";
    return line + quoted(html) + " " + quoted(pdf) + "\n";
}

}  // namespace ehdocs
