#pragma once

// Stamps the footer onto a rendered PDF with qpdf (the Debian wkhtmltopdf has no header or
// footer options): "Page X of Y" at the bottom right when the document has more than one page
// and page numbers are wanted, and the protective marking centred at the top and bottom of
// every page when there is one. A PDF that needs neither is returned unchanged.
// Text is drawn in Helvetica; the marking must be printable ASCII (it is a fixed vocabulary
// such as "OFFICIAL-SENSITIVE"); other characters are replaced by '?'.

#include <string>

namespace ehdocs {

class PdfStamper {
public:
    // Returns the stamped PDF. Throws PdfError naming `name` if `pdf` cannot be read.
    // Stateless and thread-safe.
    static std::string stamp(const std::string& name, const std::string& pdf,
                             const std::string& marking, bool pageNumbers);

    // The number of pages in `pdf`. Throws PdfError naming `name` if it cannot be read.
    static int pageCount(const std::string& name, const std::string& pdf);
};

}  // namespace ehdocs
