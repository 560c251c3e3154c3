#include "render/RenderErrors.h"

#include <typeinfo>

namespace ehdocs::render {

POCO_IMPLEMENT_EXCEPTION(RenderException, Poco::Exception, "Render error")
POCO_IMPLEMENT_EXCEPTION(UnknownTypeException, RenderException, "Unknown document type")
POCO_IMPLEMENT_EXCEPTION(MeetingException, RenderException, "Meeting error")
POCO_IMPLEMENT_EXCEPTION(NotApplicableException, RenderException, "Document does not apply")
POCO_IMPLEMENT_EXCEPTION(TemplateException, RenderException, "Template error")

}  // namespace ehdocs::render
