#include "rules/ReportJson.h"

#include <sstream>

namespace ehdocs::rules {
namespace {

Poco::JSON::Array::Ptr findings(const std::vector<Finding>& items) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const Finding& f : items) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("rule", f.rule);
        o->set("message", f.message);
        o->set("source", f.source);
        array->add(o);
    }
    return array;
}

Poco::JSON::Array::Ptr strings(const std::vector<std::string>& items) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const std::string& s : items) array->add(s);
    return array;
}

Poco::JSON::Array::Ptr notApplied(const std::vector<NotApplied>& items) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const NotApplied& n : items) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("rule", n.rule);
        o->set("reason", n.reason);
        array->add(o);
    }
    return array;
}

}  // namespace

Poco::JSON::Array::Ptr dueToJson(const std::vector<DueItem>& items) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const DueItem& d : items) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("rule", d.rule);
        o->set("due", d.due.iso());
        o->set("what", d.what);
        array->add(o);
    }
    return array;
}

Poco::JSON::Object::Ptr reportToJson(const CheckReport& report) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("case_id", report.caseId);
    o->set("profile", report.profile);
    o->set("as_of", report.asOf.iso());
    o->set("measured_to", report.measuredTo.iso());
    o->set("ready_to_close", report.readyToClose);
    o->set("blocking", findings(report.blocking));
    o->set("warnings", findings(report.warnings));
    o->set("passed", strings(report.passed));
    o->set("not_applied", notApplied(report.notApplied));
    o->set("due", dueToJson(report.due));
    return o;
}

std::string reportToJsonText(const CheckReport& report) {
    std::ostringstream out;
    reportToJson(report)->stringify(out);
    return out.str();
}

}  // namespace ehdocs::rules
