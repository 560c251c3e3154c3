#include "store/Store.h"

#include <Poco/String.h>

#include <algorithm>
#include <cstdio>
#include <typeinfo>

namespace ehdocs::store {

POCO_IMPLEMENT_EXCEPTION(StoreException, Poco::IOException, "Store failure")

namespace {

// A count as four digits that sort the largest first.
std::string descending(int count) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%04d", 9999 - std::clamp(count, 0, 9999));
    return digits;
}

// No date sorts after every date.
std::string dueOrLast(const std::string& date) {
    return date.empty() ? "9999-99-99" : date;
}

}  // namespace

std::string sortKey(const CaseRecord& r, CaseSort sort) {
    switch (sort) {
        case CaseSort::action:
            return std::string(r.status == "closed" ? "1" : "0") + descending(r.lateCount) +
                   dueOrLast(r.nextDue) + descending(r.blockingCount);
        case CaseSort::caseId:
            return "";
        case CaseSort::family:
            return Poco::toLower(r.familyName);
        case CaseSort::due:
            return dueOrLast(r.nextDue);
    }
    return "";
}

std::string sortName(CaseSort sort) {
    switch (sort) {
        case CaseSort::action:
            return "action";
        case CaseSort::caseId:
            return "case_id";
        case CaseSort::family:
            return "family";
        case CaseSort::due:
            return "due";
    }
    return "";
}

std::optional<CaseSort> parseSort(const std::string& name) {
    for (CaseSort sort : {CaseSort::action, CaseSort::caseId, CaseSort::family, CaseSort::due}) {
        if (sortName(sort) == name) return sort;
    }
    return std::nullopt;
}

}  // namespace ehdocs::store
