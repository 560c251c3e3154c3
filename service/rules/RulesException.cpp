#include "rules/RulesException.h"

#include <typeinfo>

namespace ehdocs::rules {

POCO_IMPLEMENT_EXCEPTION(ProfileException, Poco::DataException, "Practice profile error")

}  // namespace ehdocs::rules
