#include "server/PageCursor.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>

#include <sstream>
#include <vector>

#include "server/Errors.h"

namespace ehdocs::server {

namespace {

const char kSeparator = '\x1f';
const int kOptions = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;

std::string encode(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, kOptions);
    encoder << text;
    encoder.close();
    return out.str();
}

// The fields of a cursor of `list`, or BadRequestException.
std::vector<std::string> decode(const std::string& cursor, const std::string& list,
                                std::size_t fields) {
    std::string text;
    try {
        std::istringstream in(cursor);
        Poco::Base64Decoder decoder(in, kOptions);
        std::ostringstream out;
        out << decoder.rdbuf();
        text = out.str();
    } catch (const Poco::Exception&) {
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find(kSeparator, start)) != std::string::npos;
         start = end + 1) {
        parts.push_back(text.substr(start, end - start));
    }
    parts.push_back(text.substr(start));
    if (parts.size() != fields + 1 || parts[0] != list) {
        throw BadRequestException("cursor: \"" + cursor +
                                  "\" is not a cursor of this list; use the next_cursor of its "
                                  "previous page, with the same filters and sort");
    }
    parts.erase(parts.begin());
    return parts;
}

}  // namespace

std::string encodeCaseCursor(store::CaseSort sort, const store::CaseCursor& at) {
    return encode("cases:" + store::sortName(sort) + kSeparator + at.key + kSeparator + at.caseId);
}

store::CaseCursor decodeCaseCursor(const std::string& cursor, store::CaseSort sort) {
    const std::vector<std::string> parts = decode(cursor, "cases:" + store::sortName(sort), 2);
    return store::CaseCursor{parts[0], parts[1]};
}

std::string encodeAuditCursor(long long seq) {
    return encode(std::string("audit") + kSeparator + std::to_string(seq));
}

long long decodeAuditCursor(const std::string& cursor) {
    const std::vector<std::string> parts = decode(cursor, "audit", 1);
    Poco::Int64 seq = 0;
    if (!Poco::NumberParser::tryParse64(parts[0], seq) || seq < 0) {
        throw BadRequestException("cursor: \"" + cursor + "\" is not a cursor of this list");
    }
    return seq;
}

}  // namespace ehdocs::server
