#pragma once

// Helpers for the PDF engine's tests: text extraction with pdftotext, sample documents, a
// scratch directory, and a listener that counts connections made to it.

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pdf/PdfSettings.h"

namespace ehdocs::pdftest {

// The text of `pdf` (all pages, or only page `page` when it is > 0), via pdftotext.
std::string pdfText(const std::string& pdf, int page = 0);

int pageCount(const std::string& pdf);

// How many times `needle` occurs in `text`.
int occurrences(const std::string& text, const std::string& needle);

// A one-page letter, and a document of about `pages` A4 pages, each line naming its paragraph.
std::string letterHtml(const std::string& body);
std::string longHtml(int pages);

// Settings for tests: a small pool, sandbox as given.
PdfSettings testSettings(bool sandbox, std::size_t poolSize = 2);

// A private scratch directory, removed at the end.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    const std::string& path() const { return _path; }
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string _path;
};

// Listens on 127.0.0.1, port chosen by the system; accepts and closes every connection,
// counting them.
class ConnectionCounter {
public:
    ConnectionCounter();
    ~ConnectionCounter();
    int port() const { return _port; }
    // Connections so far, including any still waiting in the accept queue.
    int count();

private:
    void acceptPending(int waitMs);

    Poco::Net::ServerSocket _socket;
    int _port = 0;
    std::atomic<bool> _stop{false};
    std::atomic<int> _count{0};
    std::mutex _acceptMutex;
    std::thread _thread;
};

// Calls `condition` until it is true; fails the test if `limit` passes first.
void waitFor(const std::function<bool()>& condition, std::chrono::milliseconds limit,
             const std::string& what);

// True once process `pid` (a child of this test) has exited: a zombie, or gone.
bool hasExited(int pid);

// CPU time (clock ticks) used so far by process `root` and all its descendants, from /proc.
long treeCpuTicks(int root);

}  // namespace ehdocs::pdftest
