#include "server/Tokens.h"

#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

namespace ehdocs::server {

std::string Tokens::generate() {
    // RandomInputStream reads the kernel's CSPRNG (/dev/urandom) where there is one.
    Poco::RandomInputStream random;
    Poco::DigestEngine::Digest bytes(32);
    random.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!random) throw Poco::IOException("cannot read random bytes for a token");
    return "ehd_" + Poco::DigestEngine::digestToHex(bytes);
}

std::string Tokens::sha256Hex(const std::string& data) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace ehdocs::server
