#include "server/Workbooks.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include "export/KpiWorkbookExport.h"
#include "export/SfWorkbookExport.h"
#include "rules/ProfileRegistry.h"
#include "server/Errors.h"

namespace ehdocs::server {

namespace {

Date dateParameter(const ExportQuery& query, const std::string& name) {
    auto found = query.find(name);
    if (found == query.end() || found->second.empty()) {
        throw BadRequestException("this export needs " + name + " (YYYY-MM-DD)");
    }
    const std::optional<Date> date = Date::parse(found->second);
    if (!date) {
        throw BadRequestException(name + ": \"" + found->second + "\" is not a date (YYYY-MM-DD)");
    }
    return *date;
}

std::string parameter(const ExportQuery& query, const std::string& name) {
    auto found = query.find(name);
    return found == query.end() ? "" : found->second;
}

KpiPeriod period(const ExportQuery& query) {
    const KpiPeriod period{dateParameter(query, "from"), dateParameter(query, "to")};
    if (period.to < period.from) throw BadRequestException("to is before from");
    return period;
}

Exporter supportingFamilies(const std::string& tmpdir) {
    Exporter sf;
    sf.contentType = Workbooks::kContentType;
    sf.check = [](const ExportQuery& query) { dateParameter(query, "as_of"); };
    sf.open = [tmpdir](const ExportQuery& query, const std::string& path) {
        SfWorkbookOptions options;
        options.tmpdir = tmpdir;
        return std::unique_ptr<WorkbookExport>(
            std::make_unique<SfWorkbookExport>(path, ClaimAssessor(), dateParameter(query, "as_of"),
                                               parameter(query, "team"), options));
    };
    return sf;
}

Exporter kpi(const rules::ProfileRegistry& profiles, const std::string& tmpdir) {
    Exporter kpi;
    kpi.contentType = Workbooks::kContentType;
    kpi.check = [](const ExportQuery& query) { period(query); };
    // Each case is judged by its own profile's standards, as `ehdocs export kpi` does.
    kpi.open = [&profiles, tmpdir](const ExportQuery& query, const std::string& path) {
        return std::unique_ptr<WorkbookExport>(
            std::make_unique<KpiWorkbookExport>(path, period(query), parameter(query, "team"),
                                                profileStandards(profiles), "ehdocs", tmpdir));
    };
    return kpi;
}

}  // namespace

Exporters Workbooks::exporters(const rules::ProfileRegistry& profiles, const std::string& tmpdir) {
    return {{"sf.xlsx", server::supportingFamilies(tmpdir)},
            {"kpi.xlsx", server::kpi(profiles, tmpdir)}};
}

std::string Workbooks::bytesOf(const std::function<void(const std::string& path)>& write) {
    Poco::TemporaryFile file;
    const std::string path = file.path() + ".xlsx";
    Poco::TemporaryFile::registerForDeletion(path);
    write(path);
    Poco::FileInputStream in(path);
    std::string bytes;
    Poco::StreamCopier::copyToString(in, bytes);
    Poco::File(path).remove();
    return bytes;
}

}  // namespace ehdocs::server
