#include "server/Workbooks.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include "export/KpiReport.h"
#include "export/KpiWorkbookWriter.h"
#include "export/SfExport.h"
#include "export/SfWorkbookWriter.h"
#include "rules/ProfileRegistry.h"
#include "server/Errors.h"

namespace ehdocs::server {

namespace {

Date dateParameter(const Workbooks::Query& query, const std::string& name,
                   std::optional<Date> fallback) {
    auto found = query.find(name);
    if (found == query.end() || found->second.empty()) {
        if (fallback) return *fallback;
        throw BadRequestException("this export needs " + name + " (YYYY-MM-DD)");
    }
    const std::optional<Date> date = Date::parse(found->second);
    if (!date) {
        throw BadRequestException(name + ": \"" + found->second + "\" is not a date (YYYY-MM-DD)");
    }
    return *date;
}

std::string parameter(const Workbooks::Query& query, const std::string& name) {
    auto found = query.find(name);
    return found == query.end() ? "" : found->second;
}

// The writers write files; the API answers bytes.
template <typename Write>
std::string workbookBytes(Write write) {
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

}  // namespace

std::string Workbooks::supportingFamilies(const Cases& cases, const Query& query) {
    SfExport data(ClaimAssessor(), dateParameter(query, "as_of", std::nullopt),
                  parameter(query, "team"));
    for (const auto& kase : cases) data.add(*kase);
    return workbookBytes([&](const std::string& path) { SfWorkbookWriter::write(data, path); });
}

std::string Workbooks::kpi(const Cases& cases, const Query& query) {
    const KpiPeriod period{dateParameter(query, "from", std::nullopt),
                           dateParameter(query, "to", std::nullopt)};
    if (period.to < period.from) throw BadRequestException("to is before from");
    // Allocation is judged against each case's own profile, as `ehdocs export kpi` does.
    const rules::ProfileRegistry profiles = rules::ProfileRegistry::builtIn();
    const auto allocationLimit = [&profiles](const Case& kase) {
        const rules::Profile* profile = profiles.find(
            kase.profile.empty() ? rules::ProfileRegistry::kDefaultProfile : kase.profile);
        if (!profile) profile = &profiles.get(rules::ProfileRegistry::kDefaultProfile);
        const auto& limit = profile->limit("time.allocation.limit");
        return limit ? *limit : rules::Limit(24, rules::Limit::Unit::Hours);
    };
    KpiReport report(period, KpiStandards{}, parameter(query, "team"), allocationLimit);
    for (const auto& kase : cases) report.add(*kase);
    return workbookBytes([&](const std::string& path) { KpiWorkbookWriter::write(report, path); });
}

}  // namespace ehdocs::server
