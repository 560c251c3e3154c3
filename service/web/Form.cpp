#include "web/Form.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <sstream>

#include "server/Errors.h"

namespace ehdocs::web {

namespace {

class KeepFiles : public Poco::Net::PartHandler {
public:
    explicit KeepFiles(std::map<std::string, UploadedFile>& files) : _files(files) {}

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""),
                                                  disposition, params);
        UploadedFile file;
        file.fileName = params.get("filename", "");
        file.contentType = header.get("Content-Type", "");
        Poco::StreamCopier::copyToString(stream, file.bytes);
        // A file input left empty still sends a part, with no file name and no bytes.
        if (!file.fileName.empty() || !file.bytes.empty()) {
            _files[params.get("name", "")] = std::move(file);
        }
    }

private:
    std::map<std::string, UploadedFile>& _files;
};

}  // namespace

Form Form::parse(const std::string& contentType, const std::string& body) {
    Form form;
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/");
    request.setContentType(contentType.empty() ? "application/x-www-form-urlencoded" : contentType);
    std::istringstream in(body);
    KeepFiles files(form._files);
    Poco::Net::HTMLForm html;
    try {
        html.load(request, in, files);
    } catch (const Poco::Exception& e) {
        throw server::BadRequestException("the form could not be read: " + e.displayText());
    }
    for (const auto& [name, value] : html) form._fields[name].push_back(value);
    return form;
}

std::string Form::get(const std::string& name) const {
    auto it = _fields.find(name);
    return it == _fields.end() || it->second.empty() ? "" : it->second.front();
}

std::vector<std::string> Form::all(const std::string& name) const {
    auto it = _fields.find(name);
    return it == _fields.end() ? std::vector<std::string>{} : it->second;
}

const UploadedFile* Form::file(const std::string& name) const {
    auto it = _files.find(name);
    return it == _files.end() ? nullptr : &it->second;
}

}  // namespace ehdocs::web
