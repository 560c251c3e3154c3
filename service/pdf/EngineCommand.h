#pragma once

// How to start wkhtmltopdf safely (internal to the PDF engine): the executable, the flags every
// conversion gets, and the sandbox around it. See docs/pdf.md for why each flag is there.
//
// Network isolation has two layers. With PdfSettings::sandbox and a working bubblewrap, the
// engine runs in new namespaces (no network but its own loopback, no view of the file system
// beyond /usr, fonts and its own work directory). Always, every request is also sent to a
// "dead" HTTP proxy: a port on 127.0.0.1 that this object binds but never listens on, so a
// connection is refused at once and no other program can take the port while we hold it.

#include <Poco/Net/ServerSocket.h>
#include <Poco/Process.h>

#include <string>
#include <vector>

#include "pdf/PdfSettings.h"

namespace ehdocs {

struct EngineLaunch {
    std::string program;
    std::vector<std::string> args;
    Poco::Process::Env env;
};

class EngineCommand {
public:
    // Resolves settings.engine in PATH, binds the dead proxy port and, when settings.sandbox is
    // set, checks once that bubblewrap can run the engine here (it may lack the privileges to
    // create namespaces); if not, sandboxed() is false and the proxy is the only network guard.
    // Never throws for a missing engine: launching then fails with a clear PdfError.
    // `probeDir` is a private directory the sandbox check may use.
    EngineCommand(const PdfSettings& settings, const std::string& probeDir);

    bool sandboxed() const { return _sandboxed; }
    const std::string& engineName() const { return _engineName; }  // for messages

    // Throws PdfError (naming `document`) when the engine was not found.
    void requireEngine(const std::string& document) const;

    // A long-lived engine reading one job per line on stdin; it can touch only `workDir`.
    EngineLaunch serverLaunch(const std::string& workDir) const;

    // One engine process converting `html` into `pdf`, both inside `workDir`.
    EngineLaunch oneShotLaunch(const std::string& workDir, const std::string& html,
                               const std::string& pdf) const;

    // The stdin line for one job of a server launch (ends with '\n').
    std::string jobLine(const std::string& html, const std::string& pdf) const;

    // The flags every conversion gets, in order.
    std::vector<std::string> conversionFlags() const;

private:
    EngineLaunch launch(const std::string& workDir, std::vector<std::string> engineArgs,
                        bool sandboxed) const;

    PdfSettings _settings;
    std::string _enginePath;  // absolute, or "" when not found
    std::string _engineName;
    std::string _bwrapPath;
    Poco::Net::ServerSocket _deadProxy;
    bool _sandboxed = false;
};

}  // namespace ehdocs
