#include "export/CaseScan.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "export/ExportException.h"
#include "export/ParallelReader.h"

namespace ehdocs {
namespace {

std::string normalised(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string out = text.substr(first, last - first + 1);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

CaseScan::CaseScan(Reader reader, unsigned threads)
    : _reader(std::move(reader)), _threads(threads) {
    if (!_reader) _reader = [](const std::string& path) { return CaseReader::fromFile(path); };
}

std::vector<std::string> CaseScan::expand(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            std::vector<std::string> inside;
            for (const auto& entry : fs::directory_iterator(path, error))
                if (entry.path().extension() == ".json" && !entry.is_directory())
                    inside.push_back(entry.path().string());
            if (error)
                throw ExportException("cannot list directory " + path + ": " + error.message());
            std::sort(inside.begin(), inside.end());
            files.insert(files.end(), inside.begin(), inside.end());
        } else if (fs::exists(path, error)) {
            files.push_back(path);
        } else {
            throw ExportException("no such case file or directory: " + path);
        }
    }
    return files;
}

std::vector<InvalidCaseFile> CaseScan::run(const std::vector<std::string>& paths,
                                           const Visitor& visit) const {
    const ParallelReader reader(_threads);
    std::vector<InvalidCaseFile> invalid;
    for (std::size_t first = 0; first < paths.size(); first += kBatch) {
        const std::size_t count = std::min(kBatch, paths.size() - first);
        std::vector<ReadResult> batch =
            reader.read(count, [&](std::size_t i) { return _reader(paths[first + i]); });
        for (std::size_t i = 0; i < count; ++i) {
            const std::string& path = paths[first + i];
            ReadResult& read = batch[i];
            if (read.ok() && read.kase) {
                visit(*read.kase, path);
            } else {
                InvalidCaseFile bad{path, {}};
                for (const auto& error : read.errors) bad.errors.push_back(error.text());
                if (bad.errors.empty()) bad.errors.push_back("not a valid case file");
                invalid.push_back(std::move(bad));
            }
            read = ReadResult();  // dropped as soon as it is visited
        }
    }
    return invalid;
}

bool inTeam(const Case& kase, const std::string& team) {
    const std::string wanted = normalised(team);
    if (wanted.empty()) return true;
    if (normalised(kase.service.team) == wanted) return true;
    const Worker* lead = kase.worker(kase.leadWorker);
    return lead != nullptr && normalised(lead->team) == wanted;
}

}  // namespace ehdocs
