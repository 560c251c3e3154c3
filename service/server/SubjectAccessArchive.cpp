#include "server/SubjectAccessArchive.h"

#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "case/Clock.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace ehdocs::server {

namespace {

std::string text(const Poco::Dynamic::Var& json) {
    std::ostringstream out;
    if (json.type() == typeid(Array::Ptr)) {
        json.extract<Array::Ptr>()->stringify(out, 2);
    } else {
        json.extract<Object::Ptr>()->stringify(out, 2);
    }
    return out.str();
}

void add(Poco::Zip::Compress& zip, const std::string& name, const std::string& content,
         Poco::Timestamp at) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(at), Poco::Path(name, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
}

}  // namespace

std::string SubjectAccessArchive::build(const store::CaseRecord& current,
                                        const std::vector<store::CaseRecord>& history,
                                        const std::vector<store::StoredDocument>& documents,
                                        const std::vector<store::AuditEntry>& audit,
                                        const std::string& madeBy, Poco::Timestamp madeAt) {
    std::ostringstream out;
    Poco::Zip::Compress zip(out, true);

    add(zip, "README.txt",
        "Subject access: the complete record held by the ehdocs records service for case " +
            current.caseId + ".\nMade " + utcTimestamp(madeAt) + " by " + madeBy +
            ".\n\ncase.json       the case file as it stands now (version " +
            std::to_string(current.version) +
            ")\nhistory.json    every version of the case file: who wrote it and when\n"
            "documents/      every document issued, byte for byte as issued\n"
            "documents.json  the issued documents with their SHA-256 checksums\n"
            "audit.json      every recorded access to and change of the case\n",
        madeAt);
    add(zip, "case.json", current.json, madeAt);

    Array::Ptr versions = new Array();
    for (const store::CaseRecord& v : history) {
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("version", v.version);
        entry->set("author", v.author);
        entry->set("written_at", v.writtenAt);
        entry->set("action", v.action);
        versions->add(entry);
    }
    add(zip, "history.json", text(versions), madeAt);

    Array::Ptr index = new Array();
    for (const store::StoredDocument& d : documents) {
        const std::string name = "documents/" + d.docId + "." + d.format;
        add(zip, name, d.bytes, madeAt);
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("id", d.docId);
        entry->set("file", name);
        entry->set("type", d.type);
        entry->set("format", d.format);
        entry->set("sha256", d.sha256);
        entry->set("issued_at", d.createdAt);
        entry->set("issued_by", d.createdBy);
        index->add(entry);
    }
    add(zip, "documents.json", text(index), madeAt);

    Array::Ptr trail = new Array();
    for (const store::AuditEntry& a : audit) {
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("at", a.at);
        entry->set("user", a.user);
        entry->set("role", a.role);
        entry->set("action", a.action);
        entry->set("outcome", a.outcome);
        entry->set("request_id", a.requestId);
        trail->add(entry);
    }
    add(zip, "audit.json", text(trail), madeAt);

    zip.close();
    return out.str();
}

}  // namespace ehdocs::server
