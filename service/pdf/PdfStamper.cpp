#include "pdf/PdfStamper.h"

#include <cstdio>
#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "pdf/PdfError.h"

namespace ehdocs {

namespace {

// Glyph widths (1/1000 em) of the standard Helvetica and Helvetica-Bold fonts for ASCII 32-126,
// from Adobe's metrics; needed to centre and right-align text without embedding a font.
const short kHelvetica[95] = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ' '-'/'
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // '0'-'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // '@'-'O'
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // 'P'-'_'
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // '`'-'o'
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // 'p'-'~'
const short kHelveticaBold[95] = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

constexpr double kMarkingSize = 9;  // points
constexpr double kNumberSize = 8;
constexpr double kTop = 22;     // baseline of the top marking, points below the top edge
constexpr double kBottom = 16;  // baseline of the footer, points above the bottom edge
constexpr double kSide = 51;    // right end of "Page X of Y", points from the right edge (18 mm)

std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += (c >= 32 && c <= 126) ? static_cast<char>(c) : '?';
    return out;
}

double width(const std::string& text, const short* widths, double size) {
    double units = 0;
    for (unsigned char c : text) units += widths[c - 32];
    return units * size / 1000.0;
}

std::string pdfString(const std::string& text) {
    std::string out = "(";
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string textAt(const char* font, double size, double x, double y, const std::string& text) {
    return "BT /" + std::string(font) + " " + number(size) + " Tf " + number(x) + " " + number(y) +
           " Td " + pdfString(text) + " Tj ET\n";
}

void load(QPDF& pdf, const std::string& name, const std::string& bytes) {
    try {
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
    } catch (const std::exception& e) {
        throw PdfError(name + ": the engine's PDF cannot be read: " + e.what());
    }
}

}  // namespace

int PdfStamper::pageCount(const std::string& name, const std::string& bytes) {
    QPDF pdf;
    load(pdf, name, bytes);
    return static_cast<int>(QPDFPageDocumentHelper(pdf).getAllPages().size());
}

std::string PdfStamper::stamp(const std::string& name, const std::string& bytes,
                              const std::string& marking, bool pageNumbers) {
    QPDF pdf;
    load(pdf, name, bytes);
    try {
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        const bool numbered = pageNumbers && pages.size() > 1;
        const std::string mark = printable(marking);
        if (!numbered && mark.empty()) return bytes;

        QPDFObjectHandle regular = pdf.makeIndirectObject(QPDFObjectHandle::parse(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        QPDFObjectHandle bold = pdf.makeIndirectObject(
            QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                                    "/Encoding /WinAnsiEncoding >>"));
        const std::string total = std::to_string(pages.size());
        for (std::size_t i = 0; i < pages.size(); ++i) {
            QPDFPageObjectHelper& page = pages[i];
            QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
            QPDFObjectHandle resources = page.getAttribute("/Resources", true);
            if (!resources.isDictionary()) {
                resources = QPDFObjectHandle::newDictionary();
                page.getObjectHandle().replaceKey("/Resources", resources);
            }
            QPDFObjectHandle fonts = resources.getKey("/Font");
            if (!fonts.isDictionary()) {
                fonts = QPDFObjectHandle::newDictionary();
                resources.replaceKey("/Font", fonts);
            }
            fonts.replaceKey("/EhdocsRegular", regular);
            fonts.replaceKey("/EhdocsBold", bold);

            std::string text = "0 g\n";
            if (!mark.empty()) {
                double x = (box.llx + box.urx - width(mark, kHelveticaBold, kMarkingSize)) / 2;
                text += textAt("EhdocsBold", kMarkingSize, x, box.ury - kTop, mark);
                text += textAt("EhdocsBold", kMarkingSize, x, box.lly + kBottom, mark);
            }
            if (numbered) {
                std::string label = "Page " + std::to_string(i + 1) + " of " + total;
                double x = box.urx - kSide - width(label, kHelvetica, kNumberSize);
                text += textAt("EhdocsRegular", kNumberSize, x, box.lly + kBottom, label);
            }
            // The page's own content is wrapped in q/Q so that whatever graphics state it leaves
            // behind cannot move or hide the stamp.
            page.addPageContents(pdf.newStream(std::string("q\n")), true);
            page.addPageContents(pdf.newStream("Q\n" + text), false);
        }
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.write();
        std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
    } catch (const PdfError&) {
        throw;
    } catch (const std::exception& e) {
        throw PdfError(name + ": cannot stamp the PDF: " + e.what());
    }
}

}  // namespace ehdocs
