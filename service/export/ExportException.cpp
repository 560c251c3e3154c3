#include "export/ExportException.h"

#include <typeinfo>

namespace ehdocs {

POCO_IMPLEMENT_EXCEPTION(ExportException, Poco::RuntimeException, "Export failed")

}  // namespace ehdocs
