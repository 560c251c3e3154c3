#include "case/Case.h"

#include <algorithm>

namespace ehdocs {
namespace {

template <typename T>
const T* findById(const std::vector<T>& items, const Id& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Member* Case::member(const Id& id) const {
    return findById(family.members, id);
}
const Worker* Case::worker(const Id& id) const {
    return findById(workers, id);
}
const Meeting* Case::meeting(const Id& id) const {
    return findById(meetings, id);
}

const Plan* Case::latestPlan() const {
    auto it = std::max_element(plans.begin(), plans.end(),
                               [](const Plan& a, const Plan& b) { return a.version < b.version; });
    return it == plans.end() ? nullptr : &*it;
}

}  // namespace ehdocs
