#pragma once

// The record set (render/DocumentRenderer.h) and a PDF engine pool as the service's
// DocumentRenderer. Translates the render area's exceptions into the service's own.

#include <memory>

#include "pdf/WkhtmltopdfPool.h"
#include "render/DocumentRenderer.h"
#include "server/DocumentRenderer.h"
#include "server/RulesReadiness.h"

namespace ehdocs::server {

class RecordRenderer : public DocumentRenderer {
public:
    // `pool` may be null: PDF requests then fail with RenderFailedException. `readiness` (not
    // owned; may be null, and then closure_readiness is refused) runs the closure check for the
    // closure_readiness document with the service's own profiles, as /readiness does.
    RecordRenderer(std::unique_ptr<render::DocumentRenderer> renderer,
                   std::unique_ptr<WkhtmltopdfPool> pool,
                   const RulesReadiness* readiness = nullptr);
    ~RecordRenderer() override;

    RenderedDocument render(const Case& kase, const RenderRequest& request) override;
    RendererStats stats() override;

private:
    std::unique_ptr<render::DocumentRenderer> _renderer;
    std::unique_ptr<WkhtmltopdfPool> _pool;
    const RulesReadiness* _readiness;
};

}  // namespace ehdocs::server
