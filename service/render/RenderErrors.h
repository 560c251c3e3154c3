#pragma once

// The failures rendering can report. All derive from RenderException, so a caller may
// catch that one type; the CLI and the HTTP layer map them to exit codes / statuses:
//   UnknownTypeException, MeetingException, NotApplicableException: the request was wrong
//     (CLI 64, HTTP 4xx);
//   TemplateException: a template could not be read or parsed, or rendering failed (CLI 70).
// The message always says what was wrong and what to do.

#include <Poco/Exception.h>

namespace ehdocs::render {

POCO_DECLARE_EXCEPTION(, RenderException, Poco::Exception)
// `--type` names no registered document type.
POCO_DECLARE_EXCEPTION(, UnknownTypeException, RenderException)
// A per-meeting type without a meeting id, or with one that is not in the case.
POCO_DECLARE_EXCEPTION(, MeetingException, RenderException)
// The type does not apply to this case (a closure letter for an open case).
POCO_DECLARE_EXCEPTION(, NotApplicableException, RenderException)
// A template is missing, unreadable or not valid Mustache.
POCO_DECLARE_EXCEPTION(, TemplateException, RenderException)

}  // namespace ehdocs::render
