#include "web/Passwords.h"

#include <sodium.h>

#include <cctype>
#include <vector>

namespace ehdocs::web {

POCO_IMPLEMENT_EXCEPTION(PasswordException, Poco::DataException, "Password not usable")

namespace {

void ensureSodium() {
    // sodium_init is idempotent and thread-safe; it fails only without a random source.
    if (sodium_init() < 0) throw PasswordException("libsodium could not start");
}

}  // namespace

std::string Passwords::weakness(const std::string& password) {
    if (password.size() < kMinLength) {
        return "a password needs at least " + std::to_string(kMinLength) + " characters";
    }
    if (password.size() > kMaxLength) {
        return "a password has at most " + std::to_string(kMaxLength) + " characters";
    }
    bool allSpace = true;
    for (char c : password) allSpace = allSpace && std::isspace(static_cast<unsigned char>(c));
    if (allSpace) return "a password cannot be only spaces";
    return "";
}

std::string Passwords::hash(const std::string& password) {
    const std::string why = weakness(password);
    if (!why.empty()) throw PasswordException(why);
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw PasswordException("hashing the password ran out of memory");
    }
    return out;
}

bool Passwords::verify(const std::string& hash, const std::string& password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    ensureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string Passwords::randomHex(std::size_t bytes) {
    ensureSodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

}  // namespace ehdocs::web
