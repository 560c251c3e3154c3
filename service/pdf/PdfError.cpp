#include "pdf/PdfError.h"

#include <typeinfo>

namespace ehdocs {

POCO_IMPLEMENT_EXCEPTION(PdfError, Poco::RuntimeException, "PDF rendering failed")

}  // namespace ehdocs
