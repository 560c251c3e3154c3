#include "server/RecordRenderer.h"

#include "render/RenderErrors.h"
#include "server/Errors.h"

namespace ehdocs::server {

RecordRenderer::RecordRenderer(std::unique_ptr<render::DocumentRenderer> renderer,
                               std::unique_ptr<WkhtmltopdfPool> pool)
    : _renderer(std::move(renderer)), _pool(std::move(pool)) {}

RecordRenderer::~RecordRenderer() = default;

RenderedDocument RecordRenderer::render(const Case& kase, const RenderRequest& request) {
    const render::DocumentType* type = _renderer->types().find(request.type);
    if (!type) {
        throw NotFoundException("there is no document type \"" + request.type +
                                "\" (ehdocs types lists them)");
    }
    render::RenderOptions options;
    options.meeting = request.meeting;
    options.producedOn = request.producedOn;
    RenderedDocument doc;
    doc.title = type->title;
    doc.familyLetter = type->familyFacing;
    try {
        if (request.format == "pdf") {
            if (!_pool) throw RenderFailedException("this service has no PDF engine");
            doc.bytes = _renderer->renderPdf(kase, request.type, options, *_pool);
            doc.contentType = "application/pdf";
        } else {
            doc.bytes = _renderer->renderHtml(kase, request.type, options);
            doc.contentType = "text/html; charset=utf-8";
        }
    } catch (const render::UnknownTypeException& e) {
        throw NotFoundException(e.message());
    } catch (const render::MeetingException& e) {
        throw BadRequestException(e.message());
    } catch (const render::NotApplicableException& e) {
        throw ConflictException("a " + request.type +
                                " does not apply to this case: " + e.message());
    } catch (const render::RenderException& e) {
        throw RenderFailedException(e.message());
    } catch (const PdfError& e) {
        throw RenderFailedException(e.message());
    }
    return doc;
}

RendererStats RecordRenderer::stats() {
    if (!_pool) return {};
    const PdfPoolStats s = _pool->stats();
    return RendererStats{static_cast<int>(s.busy), static_cast<int>(s.queued)};
}

}  // namespace ehdocs::server
