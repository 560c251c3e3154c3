#pragma once

// The genogram and the ecomap, drawn as inline SVG for the EHA and the case summary.
// Kept deliberately simple (rect, circle, line, polyline, text; explicit width and height;
// no CSS, filters or markers) so that wkhtmltopdf's old QtWebKit draws them as a browser does.
// Every piece of case text in the SVG is XML-escaped here: the result is safe to insert
// unescaped ({{{genogram_svg}}}). The consent rule (CaseView.h) applies: children left out
// of the documents are not drawn.

#include <string>

#include "render/CaseView.h"

namespace ehdocs::render {

// Family members by generation: grandparents, parents and other adults, children and
// unborn. Parents (father_of / mother_of) are joined to their children; a couple who share
// a child are joined to each other. Squares are male, circles female, diamonds otherwise;
// filled shapes live in the household. "" when there are no members to draw.
std::string genogramSvg(const CaseView& view);

// The family in the middle, `family.network` around it; the line shows the relationship's
// strength (strong: thick solid, moderate: solid, tenuous: dashed, stressful: zig-zag),
// with a legend. "" when the network is empty.
std::string ecomapSvg(const CaseView& view);

// Escapes & < > " ' for XML text and attributes, dropping control characters.
std::string xmlEscape(const std::string& text);

}  // namespace ehdocs::render
