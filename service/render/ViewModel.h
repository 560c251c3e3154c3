#pragma once

// The view model: what each template is given. One function for the names every document
// shares, and one per document type adding its own. docs/templates.md lists every name.
// Templates stay free of logic: anything that needs deciding (consent, ordering, labels,
// dates, "is there one?") is decided here.

#include "case/Case.h"
#include "render/CaseView.h"
#include "render/DocumentTypes.h"
#include "render/LetterSettings.h"
#include "render/View.h"

namespace ehdocs::render {

// The names every document has: the document, the service, the family, the lead worker,
// the members, the letter's addressees (adults who receive letters, and young people of 16 or
// over who receive their own), the offer of another language, what `letters` says.
// `markingBanner` false leaves the page's marking banner out (the PDF stamps it on every page).
View commonView(const CaseView& view, const DocumentType& type, const LetterSettings& letters,
                bool markingBanner = true);

// Records (forms/).
void ehaView(const CaseView& view, const Meeting* meeting, View& out);
void planView(const CaseView& view, const Meeting* meeting, View& out);
void tafMinutesView(const CaseView& view, const Meeting* meeting, View& out);
void chronologyView(const CaseView& view, const Meeting* meeting, View& out);
void caseNotesView(const CaseView& view, const Meeting* meeting, View& out);
void caseSummaryView(const CaseView& view, const Meeting* meeting, View& out);
void transferSummaryView(const CaseView& view, const Meeting* meeting, View& out);
void closureSummaryView(const CaseView& view, const Meeting* meeting, View& out);

// Letters (letters/).
void endingLetterView(const CaseView& view, const Meeting* meeting, View& out);
void closureLetterView(const CaseView& view, const Meeting* meeting, View& out);
void noContactLetterView(const CaseView& view, const Meeting* meeting, View& out);
void supportCallLetterView(const CaseView& view, const Meeting* meeting, View& out);
void referrerOutcomeView(const CaseView& view, const Meeting* meeting, View& out);
void tafInvitationView(const CaseView& view, const Meeting* meeting, View& out);
void introductionLetterView(const CaseView& view, const Meeting* meeting, View& out);

// The transfer an ending letter or transfer summary is about: the latest by decision date,
// preferring ones that move the family out of the service. Null when there is none.
const Transfer* latestTransfer(const Case& kase, bool leavingOnly);

}  // namespace ehdocs::render
