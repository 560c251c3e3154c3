#include "render/DocumentRenderer.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <mutex>

#include "case/Clock.h"
#include "pdf/PdfRenderer.h"
#include "render/RenderErrors.h"
#include "render/ViewModel.h"

namespace ehdocs::render {
namespace {

using Mustache = kainjow::mustache::mustache;
using Data = kainjow::mustache::data;

bool isControl(unsigned char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}

// Case text may hold control characters; HTML may not.
std::string clean(const std::string& text) {
    if (std::none_of(text.begin(), text.end(), [](char c) { return isControl(c); })) return text;
    std::string out;
    for (char c : text)
        if (!isControl(static_cast<unsigned char>(c))) out += c;
    return out;
}

Data toData(const View& view, const std::vector<std::string>& withheld) {
    switch (view.kind()) {
        // An empty value is false, so `{{#x}}...{{/x}}` shows only when there is an x.
        case View::Kind::String:
            if (view.text().empty()) return Data(false);
            return Data(withheld.empty() ? clean(view.text())
                                         : withholdNames(clean(view.text()), withheld));
        case View::Kind::Bool:
            return Data(view.flag());
        case View::Kind::List: {
            kainjow::mustache::list items;
            items.reserve(view.items().size());
            for (const View& item : view.items()) items.push_back(toData(item, withheld));
            return Data(items);
        }
        case View::Kind::Object:
            break;
    }
    Data object;
    for (const auto& field : view.fields()) object[field.first] = toData(field.second, withheld);
    return object;
}

std::string meetingIds(const Case& kase) {
    std::string out;
    for (const Meeting& m : kase.meetings) out += (out.empty() ? "" : ", ") + m.id;
    return out.empty() ? "none" : out;
}

}  // namespace

// A parsed template and spare copies of it, one per concurrent render.
struct DocumentRenderer::Compiled {
    std::string name, text;
    std::mutex mutex;
    std::vector<std::unique_ptr<Mustache>> spare;

    std::unique_ptr<Mustache> parse() const {
        auto tmpl = std::make_unique<Mustache>(text);
        if (!tmpl->is_valid())
            throw TemplateException("template '" + name +
                                    "' is not valid Mustache: " + tmpl->error_message());
        return tmpl;
    }
    std::unique_ptr<Mustache> take() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (!spare.empty()) {
                auto tmpl = std::move(spare.back());
                spare.pop_back();
                return tmpl;
            }
        }
        return parse();
    }
    void give(std::unique_ptr<Mustache> tmpl) {
        std::lock_guard<std::mutex> lock(mutex);
        spare.push_back(std::move(tmpl));
    }
};

DocumentRenderer::DocumentRenderer(TemplateSet templates, DocumentTypes types)
    : _templates(std::move(templates)), _types(std::move(types)) {
    for (const DocumentType& type : _types.all()) {
        auto compiled = std::make_unique<Compiled>();
        compiled->name = _templates.origin(type.templateName);
        if (compiled->name.empty())
            throw TemplateException("document type '" + type.id + "' needs the template '" +
                                    type.templateName + "', which does not exist");
        compiled->text = _templates.expanded(type.templateName);
        compiled->spare.push_back(compiled->parse());
        _compiled.push_back(std::move(compiled));
    }
}

DocumentRenderer::~DocumentRenderer() = default;

const DocumentType& DocumentRenderer::resolve(const Case& kase, const std::string& typeId,
                                              const RenderOptions& options,
                                              const Meeting** meeting) const {
    const DocumentType* type = _types.find(typeId);
    if (!type)
        throw UnknownTypeException("unknown document type '" + typeId +
                                   "'; `ehdocs types` lists them");
    std::string why = type->notApplicable(kase);
    if (!why.empty())
        throw NotApplicableException(typeId + " does not apply to case " + kase.caseId + ": " +
                                     why);
    *meeting = nullptr;
    if (type->needsMeeting) {
        if (options.meeting.empty())
            throw MeetingException(typeId + " is for one meeting: give its id (--meeting); case " +
                                   kase.caseId + " has: " + meetingIds(kase));
        *meeting = kase.meeting(options.meeting);
        if (!*meeting)
            throw MeetingException("case " + kase.caseId + " has no meeting '" + options.meeting +
                                   "'; it has: " + meetingIds(kase));
    }
    return *type;
}

View DocumentRenderer::view(const Case& kase, const std::string& typeId,
                            const RenderOptions& options) const {
    const Meeting* meeting = nullptr;
    const DocumentType& type = resolve(kase, typeId, options, &meeting);
    CaseView caseView(kase, options.producedOn ? *options.producedOn : ukToday(systemClock()));
    View out = commonView(caseView, type, !options.markingStampedOnPages);
    type.buildView(caseView, meeting, out);
    return out;
}

std::string DocumentRenderer::renderHtml(const Case& kase, const std::string& typeId,
                                         const RenderOptions& options) const {
    Data data = toData(view(kase, typeId, options), withheldNames(kase));
    const std::vector<DocumentType>& all = _types.all();
    size_t index = std::find_if(all.begin(), all.end(),
                                [&](const DocumentType& t) { return t.id == typeId; }) -
                   all.begin();
    Compiled& compiled = *_compiled[index];
    std::unique_ptr<Mustache> tmpl = compiled.take();
    std::string html = tmpl->render(data);
    if (!tmpl->is_valid())
        throw TemplateException("rendering '" + compiled.name +
                                "' failed: " + tmpl->error_message());
    compiled.give(std::move(tmpl));
    return html;
}

std::string DocumentRenderer::renderPdf(const Case& kase, const std::string& typeId,
                                        const RenderOptions& options, PdfRenderer& pdf) const {
    RenderOptions stamped = options;
    stamped.markingStampedOnPages = true;
    PdfJob job;
    job.html = renderHtml(kase, typeId, stamped);
    job.name = kase.caseId + " " + typeId + (options.meeting.empty() ? "" : " " + options.meeting);
    job.marking = _types.find(typeId)->marking();
    return pdf.render(job);
}

std::string DocumentRenderer::templateVersion(const std::string& typeId) const {
    const std::vector<DocumentType>& all = _types.all();
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i].id == typeId) {
            Poco::SHA1Engine sha1;
            sha1.update(_compiled[i]->text);
            return Poco::DigestEngine::digestToHex(sha1.digest()).substr(0, 12);
        }
    throw UnknownTypeException("unknown document type '" + typeId + "'; `ehdocs types` lists them");
}

std::vector<DocumentRequest> DocumentRenderer::applicable(const Case& kase, Date producedOn) const {
    std::vector<const Meeting*> meetings;
    for (const Meeting& m : kase.meetings) meetings.push_back(&m);
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const Meeting* a, const Meeting* b) { return a->at < b->at; });
    std::vector<DocumentRequest> out;
    for (const DocumentType& type : _types.all()) {
        if (!type.notApplicable(kase).empty()) continue;
        if (!type.needsMeeting) {
            out.push_back({&type, ""});
            continue;
        }
        for (const Meeting* m : meetings)
            if (type.forMeeting && type.forMeeting(*m, producedOn)) out.push_back({&type, m->id});
    }
    return out;
}

}  // namespace ehdocs::render
