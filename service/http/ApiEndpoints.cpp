#include "http/ApiEndpoints.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <sstream>

#include "http/PageParams.h"
#include "server/Errors.h"
#include "server/PageCursor.h"

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace ehdocs::http {

namespace {

ApiResponse json(int status, const Object& body) {
    std::ostringstream out;
    body.stringify(out);
    ApiResponse response;
    response.status = status;
    response.body = out.str();
    return response;
}

std::string etag(int version) {
    return "\"" + std::to_string(version) + "\"";
}

// If-Match: `"3"`, `W/"3"` or `3`. Anything else is a version that can never be current.
std::optional<int> ifMatch(const ApiRequest& request) {
    std::string value = Poco::trim(request.header("if-match"));
    if (value.empty()) return std::nullopt;
    if (value.rfind("W/", 0) == 0) value = value.substr(2);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    int version = 0;
    if (!Poco::NumberParser::tryParse(value, version) || version < 1) return -1;
    return version;
}

Object versionBody(const store::CaseRecord& record) {
    Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("case_id", record.caseId);
    body.set("version", record.version);
    body.set("status", record.status);
    return body;
}

std::string bearerToken(const ApiRequest& request) {
    const std::string value = Poco::trim(request.header("authorization"));
    if (value.size() > 7 && Poco::icompare(value.substr(0, 7), "bearer ") == 0) {
        return Poco::trim(value.substr(7));
    }
    return "";
}

Object::Ptr bodyObject(const std::string& body) {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var parsed;
    try {
        parsed = parser.parse(body);
    } catch (const Poco::Exception& e) {
        throw server::BadRequestException("the body is not valid JSON: " + e.displayText());
    }
    if (parsed.type() != typeid(Object::Ptr)) {
        throw server::BadRequestException("the body must be a JSON object");
    }
    return parsed.extract<Object::Ptr>();
}

std::string stringField(const Object::Ptr& object, const std::string& key, bool required) {
    if (!object->has(key) || object->isNull(key)) {
        if (required) throw server::BadRequestException("the body needs \"" + key + "\"");
        return "";
    }
    const Poco::Dynamic::Var value = object->get(key);
    if (!value.isString()) {
        throw server::BadRequestException("\"" + key + "\" must be a string");
    }
    return value.toString();
}

server::RenderRequest renderRequest(std::string type, std::string format, std::string meeting) {
    if (format.empty()) format = "html";  // the service refuses a format it does not know
    return server::RenderRequest{std::move(type), std::move(format), std::move(meeting),
                                 std::nullopt};
}

// "sf" and "kpi" name the workbooks sf.xlsx and kpi.xlsx; any other name is kept (and
// refused by the service as an unknown export).
std::string exportName(const std::string& name) {
    if (name == "sf" || name == "kpi") return name + ".xlsx";
    return name;
}

std::string jobPath(const std::string& id) {
    return "/api/v1/exports/jobs/" + id;
}

Object jobBody(const server::ExportJobStatus& job) {
    Object progress(Poco::JSON_PRESERVE_KEY_ORDER);
    progress.set("read", job.read);
    progress.set("total", job.total);
    Object links(Poco::JSON_PRESERVE_KEY_ORDER);
    links.set("self", jobPath(job.id));
    links.set("result", jobPath(job.id) + "/result");
    Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("job", job.id);
    body.set("name", job.name);
    body.set("state", job.state);
    body.set("progress", progress);
    body.set("submitted_at", job.submittedAt);
    body.set("finished_at",
             job.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.finishedAt));
    body.set("error", job.error.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.error));
    body.set("links", links);
    return body;
}

ApiResponse bytes(const std::string& contentType, std::string body) {
    ApiResponse response;
    response.contentType = contentType;
    response.body = std::move(body);
    return response;
}

}  // namespace

ApiEndpoints::ApiEndpoints(server::CaseService& service, Metrics& metrics)
    : _service(service), _metrics(metrics) {}

void ApiEndpoints::limitFailedAuthentication(int limit, std::chrono::seconds window) {
    _throttle = std::make_unique<AuthThrottle>(limit, window);
}

server::Caller ApiEndpoints::caller(const ApiRequest& request) {
    const server::Caller who = _service.authenticate(bearerToken(request), request.requestId);
    if (!_throttle) return who;
    for (const AuthThrottle::Ended& ended : _throttle->ended()) {
        _service.recordRefusal(server::Caller::of(std::nullopt, request.requestId, false), "",
                               "authentication from " + ended.address, "too_many_requests",
                               std::to_string(ended.refused) +
                                   " requests without a valid token were refused (429) while "
                                   "the address was throttled");
    }
    if (who.user) return who;
    const AuthThrottle::Verdict verdict = _throttle->failed(request.clientAddress);
    if (!verdict.refuse) return who;  // the call refuses it (401) and audits it
    if (verdict.blockStarts) {
        _service.recordRefusal(who, "", request.method + " " + request.path, "too_many_requests",
                               "too many failed authentications from " + request.clientAddress +
                                   "; the rest are refused for " +
                                   std::to_string(verdict.retryAfter) +
                                   " s and audited as one count");
    }
    server::TooManyRequestsException error(
        "too many requests without a valid token from this address; try again in " +
        std::to_string(verdict.retryAfter) + " s");
    Object::Ptr details = new Object();
    details->set("retry_after", verdict.retryAfter);
    error.setDetails(details);
    throw error;
}

void ApiEndpoints::refused(const ApiRequest& request, const PathParams& params,
                           const std::string& code, const std::string& message) {
    auto id = params.find("id");
    _service.recordRefusal(caller(request), id == params.end() ? "" : id->second,
                           request.method + " " + request.path, code, message);
}

template <typename Read>
auto ApiEndpoints::auditedBody(const server::Caller& who, const ApiRequest& request,
                               const PathParams& params, Read read) {
    try {
        return read(bodyObject(request.body));
    } catch (const server::ServiceException& e) {
        auto id = params.find("id");
        _service.recordRefusal(who, id == params.end() ? "" : id->second,
                               request.method + " " + request.path, e.name(), e.message());
        throw;
    }
}

void ApiEndpoints::addRoutes(Router& router) {
    router.add("GET", "/health", [this](const ApiRequest&, const PathParams&) {
        Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        try {
            if (_healthProbe) _healthProbe();
        } catch (const store::StoreException& e) {
            // The reason (with the data folder's path) goes to the log, not to anonymous
            // callers.
            Poco::Logger::get("ehdocs").error("health: %s", e.displayText());
            body.set("status", "unavailable");
            body.set("store", "the records store cannot be written; see the service's log");
            return json(503, body);
        }
        body.set("status", "ok");
        return json(200, body);
    });

    router.add("GET", "/metrics", [this](const ApiRequest&, const PathParams&) {
        const server::RendererStats stats = _service.rendererStats();
        return bytes("text/plain; version=0.0.4; charset=utf-8",
                     _metrics.prometheus({stats.busy, stats.queued, _service.caseCount()}));
    });

    router.add("POST", "/api/v1/cases", [this](const ApiRequest& request, const PathParams&) {
        const store::CaseRecord record = _service.create(caller(request), request.body);
        ApiResponse response = json(201, versionBody(record));
        response.headers["Location"] = "/api/v1/cases/" + record.caseId;
        response.headers["ETag"] = etag(record.version);
        return response;
    });

    router.add("GET", "/api/v1/cases", [this](const ApiRequest& request, const PathParams&) {
        const store::CasePageQuery query = caseQuery(request);
        const store::CasePage page = _service.list(caller(request), query);
        Array::Ptr cases = new Array();
        for (const store::CaseRecord& r : page.cases) {
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("case_id", r.caseId);
            item->set("family", r.familyName);
            item->set("team", r.team);
            item->set("lead_worker", r.leadWorker);
            item->set("lead_worker_name", r.leadWorkerName);
            item->set("status", r.status);
            item->set("level_of_need", r.levelOfNeed);
            item->set("version", r.version);
            item->set("ready_to_close", r.readyToClose);
            item->set("blocking_count", r.blockingCount);
            item->set("late_count", r.lateCount);
            item->set("next_due",
                      r.nextDue.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.nextDue));
            item->set("next_due_what",
                      r.nextDue.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.nextDueWhat));
            item->set("summary_as_of", r.summaryAsOf);
            cases->add(item);
        }
        Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("cases", cases);
        body.set("next_cursor",
                 page.next ? Poco::Dynamic::Var(server::encodeCaseCursor(query.sort, *page.next))
                           : Poco::Dynamic::Var());
        body.set("total", page.total);
        return json(200, body);
    });

    router.add("GET", "/api/v1/cases/{id}", [this](const ApiRequest& request, const PathParams& p) {
        const store::CaseRecord record = _service.get(caller(request), p.at("id"));
        ApiResponse response = bytes("application/json; charset=utf-8", record.json);
        response.headers["ETag"] = etag(record.version);
        return response;
    });

    router.add("PUT", "/api/v1/cases/{id}", [this](const ApiRequest& request, const PathParams& p) {
        const store::CaseRecord record =
            _service.update(caller(request), p.at("id"), ifMatch(request), request.body);
        ApiResponse response = json(200, versionBody(record));
        response.headers["ETag"] = etag(record.version);
        return response;
    });

    router.add(
        "GET", "/api/v1/cases/{id}/history",
        [this](const ApiRequest& request, const PathParams& p) {
            Array::Ptr versions = new Array();
            for (const store::CaseRecord& v : _service.history(caller(request), p.at("id"))) {
                Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
                item->set("version", v.version);
                item->set("author", v.author);
                item->set("written_at", v.writtenAt);
                item->set("action", v.action);
                item->set("status", v.status);
                versions->add(item);
            }
            Object body(Poco::JSON_PRESERVE_KEY_ORDER);
            body.set("case_id", p.at("id"));
            body.set("versions", versions);
            return json(200, body);
        });

    router.add("GET", "/api/v1/cases/{id}/readiness",
               [this](const ApiRequest& request, const PathParams& p) {
                   const server::ReadinessReport report =
                       _service.readiness(caller(request), p.at("id"), request.param("as_of"));
                   return bytes("application/json; charset=utf-8", report.json);
               });

    router.add("POST", "/api/v1/cases/{id}/close",
               [this](const ApiRequest& request, const PathParams& p) {
                   const store::CaseRecord record = _service.close(caller(request), p.at("id"));
                   ApiResponse response = json(200, versionBody(record));
                   response.headers["ETag"] = etag(record.version);
                   return response;
               });

    router.add("POST", "/api/v1/cases/{id}/reopen",
               [this](const ApiRequest& request, const PathParams& p) {
                   const server::Caller who = caller(request);
                   std::string reason;
                   if (who.user) {
                       reason = auditedBody(who, request, p, [&](const Object::Ptr& body) {
                           return stringField(body, "reason", false);
                       });
                   }
                   const store::CaseRecord record = _service.reopen(who, p.at("id"), reason);
                   ApiResponse response = json(200, versionBody(record));
                   response.headers["ETag"] = etag(record.version);
                   return response;
               });

    router.add(
        "GET", "/api/v1/cases/{id}/render/{type}",
        [this](const ApiRequest& request, const PathParams& p) {
            const server::RenderedDocument doc = _service.render(
                caller(request), p.at("id"),
                renderRequest(p.at("type"), request.param("format"), request.param("meeting")));
            ApiResponse response = bytes(doc.contentType, doc.bytes);
            response.headers["Cache-Control"] = "no-store";
            return response;
        });

    router.add("POST", "/api/v1/cases/{id}/documents",
               [this](const ApiRequest& request, const PathParams& p) {
                   // Authenticate before reading the body, so an anonymous caller learns
                   // nothing from validation messages.
                   // Authenticate and authorise before reading the body, so that a caller who may
                   // not issue on this case learns nothing from validation messages (403 first).
                   const server::Caller who = caller(request);
                   _service.requireAccess(who, server::Action::issue, p.at("id"));
                   const server::RenderRequest wanted =
                       auditedBody(who, request, p, [](const Object::Ptr& body) {
                           return renderRequest(stringField(body, "type", true),
                                                stringField(body, "format", false),
                                                stringField(body, "meeting", false));
                       });
                   const server::IssueResult issued = _service.issue(who, p.at("id"), wanted);
                   Object body(Poco::JSON_PRESERVE_KEY_ORDER);
                   body.set("document_id", issued.docId);
                   body.set("sha256", issued.sha256);
                   body.set("case_version", issued.caseVersion);
                   body.set("href", "/api/v1/documents/" + issued.docId);
                   ApiResponse response = json(201, body);
                   response.headers["Location"] = "/api/v1/documents/" + issued.docId;
                   response.headers["ETag"] = etag(issued.caseVersion);
                   return response;
               });

    router.add("GET", "/api/v1/documents/{doc_id}",
               [this](const ApiRequest& request, const PathParams& p) {
                   const store::StoredDocument doc =
                       _service.document(caller(request), p.at("doc_id"));
                   ApiResponse response = bytes(doc.contentType, doc.bytes);
                   response.headers["ETag"] = "\"" + doc.sha256 + "\"";
                   response.headers["Content-Disposition"] =
                       "attachment; filename=\"" + doc.docId + "." + doc.format + "\"";
                   return response;
               });

    router.add("GET", "/api/v1/cases/{id}/subject-access",
               [this](const ApiRequest& request, const PathParams& p) {
                   ApiResponse response = bytes(
                       "application/zip", _service.subjectAccess(caller(request), p.at("id")));
                   response.headers["Content-Disposition"] =
                       "attachment; filename=\"subject-access-" + p.at("id") + ".zip\"";
                   response.headers["Cache-Control"] = "no-store";
                   return response;
               });

    router.add("GET", "/api/v1/audit", [this](const ApiRequest& request, const PathParams&) {
        const server::AuditPage page = _service.audit(caller(request), auditQuery(request));
        Array::Ptr entries = new Array();
        for (const store::AuditEntry& e : page.entries) {
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("seq", e.seq);
            item->set("at", e.at);
            item->set("user", e.user);
            item->set("role", e.role);
            item->set("action", e.action);
            item->set("case", e.caseId);
            item->set("outcome", e.outcome);
            item->set("request_id", e.requestId);
            item->set("detail", e.detail);
            entries->add(item);
        }
        Object body(Poco::JSON_PRESERVE_KEY_ORDER);
        body.set("entries", entries);
        body.set("next_cursor",
                 page.more ? Poco::Dynamic::Var(server::encodeAuditCursor(page.entries.back().seq))
                           : Poco::Dynamic::Var());
        body.set("total", page.total);
        return json(200, body);
    });

    // Workbook exports across cases, streamed from the store (server/Workbooks.h).
    router.add(
        "GET", "/api/v1/exports/{name}", [this](const ApiRequest& request, const PathParams& p) {
            const std::string& name = p.at("name");
            const server::Caller who = caller(request);
            const server::Exporter* exporter = nullptr;
            if (_exporters) {
                const auto found = _exporters->find(name);
                if (found != _exporters->end()) exporter = &found->second;
            }
            // Reading the cases and writing the workbook are one audited call: a parameter the
            // exporter refuses (400) is audited as such, not as ok.
            std::string workbook = server::Workbooks::bytesOf([&](const std::string& path) {
                _service.exportWorkbook(who, name, request.param("team"), [&] {
                    if (exporter == nullptr) {
                        throw server::NotFoundException("there is no export " + name +
                                                        " in this service");
                    }
                    return exporter->open(
                        server::ExportJobs::completedQuery(who, request.query, _service.today()),
                        path);
                });
            });
            ApiResponse response = bytes(exporter->contentType, std::move(workbook));
            response.headers["Content-Disposition"] = "attachment; filename=\"" + name + "\"";
            return response;
        });

    // Export jobs: the same exports run in the background (server/ExportJobs.h).
    router.add("POST", "/api/v1/exports", [this](const ApiRequest& request, const PathParams& p) {
        const server::Caller who = caller(request);
        std::string name;
        server::ExportQuery query;
        // An anonymous caller is refused (401) by submit before the body is read.
        if (who.user) {
            auditedBody(who, request, p, [&](const Object::Ptr& body) {
                name = exportName(stringField(body, "name", true));
                for (const auto& [key, value] : *body) {
                    if (key != "name") query[key] = stringField(body, key, false);
                }
                return true;
            });
        }
        const server::ExportJobStatus job = jobs().submit(who, name, query);
        ApiResponse response = json(202, jobBody(job));
        response.headers["Location"] = jobPath(job.id);
        return response;
    });

    router.add("GET", "/api/v1/exports/jobs/{id}",
               [this](const ApiRequest& request, const PathParams& p) {
                   return json(200, jobBody(jobs().status(caller(request), p.at("id"))));
               });

    router.add("GET", "/api/v1/exports/jobs/{id}/result",
               [this](const ApiRequest& request, const PathParams& p) {
                   server::ExportJobResult result = jobs().result(caller(request), p.at("id"));
                   ApiResponse response = bytes(result.contentType, std::move(result.bytes));
                   response.headers["Content-Disposition"] =
                       "attachment; filename=\"" + result.name + "\"";
                   return response;
               });
}

server::ExportJobs& ApiEndpoints::jobs() {
    if (_jobs == nullptr) throw server::NotFoundException("this service runs no export jobs");
    return *_jobs;
}

}  // namespace ehdocs::http
