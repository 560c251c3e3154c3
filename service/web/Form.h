#pragma once

// A submitted HTML form: the fields of an application/x-www-form-urlencoded or
// multipart/form-data body (uploaded files kept in memory; the HTTP layer has already limited
// the body's size). Throws server::BadRequestException for a body that cannot be parsed.

#include <map>
#include <string>
#include <vector>

namespace ehdocs::web {

struct UploadedFile {
    std::string fileName, contentType, bytes;
};

class Form {
public:
    Form() = default;
    static Form parse(const std::string& contentType, const std::string& body);

    // The field's first value, trimmed of nothing; "" when absent.
    std::string get(const std::string& name) const;
    // Every value of a repeated field, in order.
    std::vector<std::string> all(const std::string& name) const;
    bool has(const std::string& name) const { return _fields.count(name) > 0; }
    // The uploaded file of that field, or nullptr when none was chosen.
    const UploadedFile* file(const std::string& name) const;

    void set(const std::string& name, const std::string& value) { _fields[name] = {value}; }

private:
    std::map<std::string, std::vector<std::string>> _fields;
    std::map<std::string, UploadedFile> _files;
};

}  // namespace ehdocs::web
