#include "PdfTestSupport.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <vector>

#include "Processes.h"
#include "pdf/PdfStamper.h"

namespace ehdocs::pdftest {

std::string pdfText(const std::string& pdf, int page) {
    ScratchDir dir;
    std::string path = dir.write("doc.pdf", pdf);
    std::vector<std::string> args = {"-q"};
    if (page > 0) {
        args.insert(args.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
    }
    args.insert(args.end(), {path, "-"});
    return test::run("/usr/bin/pdftotext", args).out;
}

int pageCount(const std::string& pdf) {
    return PdfStamper::pageCount("test", pdf);
}

int occurrences(const std::string& text, const std::string& needle) {
    int n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size())) {
        ++n;
    }
    return n;
}

std::string letterHtml(const std::string& body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Letter</title>"
           "<style>body{font-family:serif;font-size:12pt}</style></head><body>" +
           body + "</body></html>";
}

std::string longHtml(int pages) {
    std::string body = "<h1>Long record</h1>";
    for (int i = 1; i <= pages * 40; ++i) {
        body += "<p>Paragraph " + std::to_string(i) + " of the chronology.</p>";
    }
    return letterHtml(body);
}

PdfSettings testSettings(bool sandbox, std::size_t poolSize) {
    PdfSettings settings;
    settings.poolSize = poolSize;
    settings.sandbox = sandbox;
    return settings;
}

ScratchDir::ScratchDir() {
    std::string pattern = Poco::Path::temp() + "ehdocs-pdftest-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    BOOST_REQUIRE(::mkdtemp(buffer.data()) != nullptr);
    _path = buffer.data();
}

ScratchDir::~ScratchDir() {
    Poco::File(_path).remove(true);
}

std::string ScratchDir::write(const std::string& name, const std::string& content) const {
    std::string path = _path + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

ConnectionCounter::ConnectionCounter() {
    _socket.bind(Poco::Net::SocketAddress("127.0.0.1", 0), true);
    _socket.listen(64);
    _port = _socket.address().port();
    _thread = std::thread([this] {
        while (!_stop) acceptPending(20);
    });
}

ConnectionCounter::~ConnectionCounter() {
    _stop = true;
    _thread.join();
}

void ConnectionCounter::acceptPending(int waitMs) {
    std::lock_guard<std::mutex> lock(_acceptMutex);
    while (_socket.poll(Poco::Timespan(0, waitMs * 1000), Poco::Net::Socket::SELECT_READ)) {
        Poco::Net::StreamSocket client = _socket.acceptConnection();
        client.close();
        ++_count;
        waitMs = 0;
    }
}

int ConnectionCounter::count() {
    acceptPending(0);
    return _count;
}

bool hasExited(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return true;
    // "pid (name) state ...": the state follows the last ')'.
    std::size_t paren = line.rfind(')');
    return paren == std::string::npos || line.compare(paren + 2, 1, "Z") == 0;
}

long treeCpuTicks(int root) {
    struct Entry {
        int parent;
        long ticks;
    };
    std::map<int, Entry> processes;
    Poco::DirectoryIterator end;
    for (Poco::DirectoryIterator it(std::string("/proc")); it != end; ++it) {
        const std::string& name = it.name();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat("/proc/" + name + "/stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        std::size_t paren = line.rfind(')');
        if (paren == std::string::npos) continue;
        std::istringstream fields(line.substr(paren + 2));
        std::string state;
        int parent = 0;
        long skip = 0, user = 0, system = 0;
        fields >> state >> parent;
        for (int i = 0; i < 9; ++i) fields >> skip;  // pgrp .. cmajflt
        fields >> user >> system;
        processes[std::stoi(name)] = {parent, user + system};
    }
    long total = 0;
    for (const auto& [pid, entry] : processes) {
        for (int p = pid; p > 1;) {
            if (p == root) {
                total += entry.ticks;
                break;
            }
            auto found = processes.find(p);
            if (found == processes.end()) break;
            p = found->second.parent;
        }
    }
    return total;
}

void waitFor(const std::function<bool()>& condition, std::chrono::milliseconds limit,
             const std::string& what) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > until) {
            BOOST_FAIL("timed out waiting for " + what);
        }
        std::this_thread::yield();
    }
}

}  // namespace ehdocs::pdftest
