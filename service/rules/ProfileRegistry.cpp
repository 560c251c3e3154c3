#include "rules/ProfileRegistry.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <algorithm>

#include "rules/BuiltinProfiles.h"
#include "rules/ProfileParser.h"
#include "rules/RulesException.h"

namespace ehdocs::rules {
namespace {

struct Source {
    std::string id, fileName, text;
};

std::string readFile(const std::string& path) {
    try {
        Poco::FileInputStream in(path);
        std::string text;
        Poco::StreamCopier::copyToString(in, text);
        return text;
    } catch (const Poco::Exception& e) {
        throw ProfileException(path + ": cannot be read: " + e.displayText());
    }
}

// Parses `standard` first (it must be complete), then every other profile over it.
std::map<std::string, Profile> build(const std::map<std::string, Source>& sources) {
    std::map<std::string, Profile> profiles;
    auto standard = sources.find(ProfileRegistry::kDefaultProfile);
    if (standard == sources.end())
        throw ProfileException("there is no `standard` profile to base the others on");
    const Source& s = standard->second;
    profiles[s.id] = ProfileParser::parse(s.text, s.fileName, s.id, nullptr);
    const Profile& base = profiles[s.id];
    for (const auto& [id, source] : sources)
        if (id != s.id)
            profiles[id] = ProfileParser::parse(source.text, source.fileName, id, &base);
    return profiles;
}

std::map<std::string, Source> builtinSources() {
    std::map<std::string, Source> sources;
    for (const EmbeddedProfile& p : builtinProfiles())
        sources[p.id] = {p.id, std::string("profiles/") + p.id + ".properties", p.text};
    return sources;
}

}  // namespace

ProfileRegistry ProfileRegistry::builtIn() {
    ProfileRegistry registry;
    registry._profiles = build(builtinSources());
    return registry;
}

ProfileRegistry ProfileRegistry::withDirectory(const std::string& directory) {
    Poco::File dir(directory);
    if (!dir.exists() || !dir.isDirectory())
        throw ProfileException(directory + ": is not a directory of profiles");
    std::map<std::string, Source> sources = builtinSources();
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
        Poco::Path path(it->path());
        if (path.getExtension() != "properties" || !it->isFile()) continue;
        std::string id = path.getBaseName();
        sources[id] = {id, path.toString(), readFile(path.toString())};
    }
    ProfileRegistry registry;
    registry._profiles = build(sources);
    return registry;
}

const Profile* ProfileRegistry::find(const std::string& id) const {
    auto it = _profiles.find(id);
    return it == _profiles.end() ? nullptr : &it->second;
}

const Profile& ProfileRegistry::get(const std::string& id) const {
    if (const Profile* p = find(id)) return *p;
    std::string known;
    for (const auto& [key, profile] : _profiles) known += (known.empty() ? "" : ", ") + key;
    throw ProfileException("unknown profile `" + id + "`; known profiles: " + known);
}

const Profile& ProfileRegistry::forCase(const Case& kase) const {
    return get(kase.profile.empty() ? kDefaultProfile : kase.profile);
}

std::vector<std::string> ProfileRegistry::ids() const {
    std::vector<std::string> out;
    for (const auto& [key, profile] : _profiles) out.push_back(key);
    return out;
}

}  // namespace ehdocs::rules
