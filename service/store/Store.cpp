#include "store/Store.h"

#include <typeinfo>

namespace ehdocs::store {

POCO_IMPLEMENT_EXCEPTION(StoreException, Poco::IOException, "Store failure")

}  // namespace ehdocs::store
