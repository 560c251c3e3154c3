#pragma once

// The record set (render/DocumentRenderer.h) and a PDF engine pool as the service's
// DocumentRenderer. Translates the render area's exceptions into the service's own.

#include <memory>

#include "pdf/WkhtmltopdfPool.h"
#include "render/DocumentRenderer.h"
#include "server/DocumentRenderer.h"

namespace ehdocs::server {

class RecordRenderer : public DocumentRenderer {
public:
    // `pool` may be null: PDF requests then fail with RenderFailedException.
    RecordRenderer(std::unique_ptr<render::DocumentRenderer> renderer,
                   std::unique_ptr<WkhtmltopdfPool> pool);
    ~RecordRenderer() override;

    RenderedDocument render(const Case& kase, const RenderRequest& request) override;
    RendererStats stats() override;

private:
    std::unique_ptr<render::DocumentRenderer> _renderer;
    std::unique_ptr<WkhtmltopdfPool> _pool;
};

}  // namespace ehdocs::server
