#pragma once

// Web app passwords: Argon2id hashes in libsodium's string format (algorithm, parameters, salt
// and hash in one `$argon2id$...` string), so parameters can be raised later without breaking
// stored hashes. Thread-safe.

#include <Poco/Exception.h>

#include <string>

namespace ehdocs::web {

POCO_DECLARE_EXCEPTION(, PasswordException, Poco::DataException)

class Passwords {
public:
    static constexpr std::size_t kMinLength = 10;
    static constexpr std::size_t kMaxLength = 256;

    // Why `password` cannot be used ("" when it can): too short, too long, or spaces only.
    static std::string weakness(const std::string& password);

    // A new Argon2id hash of `password` (libsodium's interactive limits: 2 passes, 64 MiB).
    // Throws PasswordException when the password is not usable (see weakness) or libsodium
    // runs out of memory.
    static std::string hash(const std::string& password);

    // Whether `password` matches `hash`. False (never a throw) for an empty or malformed hash.
    static bool verify(const std::string& hash, const std::string& password);

    // `bytes` random bytes from the system's source, as lower-case hex (session ids, CSRF
    // tokens, demo passwords).
    static std::string randomHex(std::size_t bytes);
};

}  // namespace ehdocs::web
