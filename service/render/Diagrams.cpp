#include "render/Diagrams.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace ehdocs::render {
namespace {

const double kPi = 3.14159265358979323846;

// Shortens to `max` characters (UTF-8 code points), adding an ellipsis.
std::string clip(const std::string& text, size_t max) {
    size_t count = 0, i = 0;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (count == max - 1 && i + len < text.size()) return text.substr(0, i) + "\xE2\x80\xA6";
        i += len;
        ++count;
    }
    return text;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

void text(std::ostringstream& out, double x, double y, const std::string& content, int size = 11,
          const char* weight = "normal", const char* anchor = "middle") {
    out << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-family=\"DejaVu Sans\" "
        << "font-size=\"" << size << "\" font-weight=\"" << weight << "\" text-anchor=\"" << anchor
        << "\" fill=\"#222\">" << xmlEscape(content) << "</text>\n";
}

struct Node {
    const Member* member;
    int row;
    double x = 0, y = 0;  // centre of the shape
};

const double kShape = 36;  // genogram symbol size

void shape(std::ostringstream& out, const Node& n) {
    const Member& m = *n.member;
    const char* fill = m.inHousehold ? "#cfe3f5" : "#ffffff";
    double h = kShape / 2;
    if (m.kind == "unborn") {
        out << "<polygon points=\"" << num(n.x) << "," << num(n.y - h + 6) << " "
            << num(n.x - h + 4) << "," << num(n.y + h - 6) << " " << num(n.x + h - 4) << ","
            << num(n.y + h - 6) << "\" fill=\"" << fill
            << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    } else if (m.gender == "male") {
        out << "<rect x=\"" << num(n.x - h) << "\" y=\"" << num(n.y - h) << "\" width=\"" << kShape
            << "\" height=\"" << kShape << "\" fill=\"" << fill
            << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    } else if (m.gender == "female") {
        out << "<circle cx=\"" << num(n.x) << "\" cy=\"" << num(n.y) << "\" r=\"" << num(h)
            << "\" fill=\"" << fill << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    } else {
        out << "<polygon points=\"" << num(n.x) << "," << num(n.y - h) << " " << num(n.x + h) << ","
            << num(n.y) << " " << num(n.x) << "," << num(n.y + h) << " " << num(n.x - h) << ","
            << num(n.y) << "\" fill=\"" << fill << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    }
}

bool isParentOf(const Member& parent, const Id& child) {
    return std::find(parent.fatherOf.begin(), parent.fatherOf.end(), child) !=
               parent.fatherOf.end() ||
           std::find(parent.motherOf.begin(), parent.motherOf.end(), child) !=
               parent.motherOf.end();
}

int rowOf(const Member& m) {
    if (m.kind == "child" || m.kind == "unborn") return 2;
    if (m.relationship.find("grand") != std::string::npos) return 0;
    return 1;
}

}  // namespace

std::string xmlEscape(const std::string& in) {
    std::string out;
    out.reserve(in.size() + 16);
    for (char c : in) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                    break;
                out += c;
        }
    }
    return out;
}

std::string genogramSvg(const CaseView& view) {
    std::vector<Node> nodes;
    for (const Member* m : view.members()) nodes.push_back({m, rowOf(*m)});
    if (nodes.empty()) return "";

    // Parents sit next to each other: order the adults' row by the children they share.
    std::vector<Node*> rows[3];
    for (Node& n : nodes) rows[n.row].push_back(&n);
    auto parentsOf = [&](const Id& child) {
        std::vector<Node*> parents;
        for (Node& p : nodes)
            if (p.row < 2 && isParentOf(*p.member, child)) parents.push_back(&p);
        return parents;
    };
    for (int r = 1; r >= 0; --r) {
        std::vector<Node*> ordered;
        for (Node* child : rows[r + 1])
            for (Node* p : parentsOf(child->member->id))
                if (p->row == r && std::find(ordered.begin(), ordered.end(), p) == ordered.end())
                    ordered.push_back(p);
        for (Node* n : rows[r])
            if (std::find(ordered.begin(), ordered.end(), n) == ordered.end()) ordered.push_back(n);
        rows[r] = ordered;
    }

    const double colWidth = 150, rowHeight = 120, top = 30;
    size_t widest = 1;
    for (auto& row : rows) widest = std::max(widest, row.size());
    const double width = std::max(480.0, widest * colWidth + 20);
    int drawnRows = 0;
    for (auto& row : rows) {
        if (row.empty()) continue;
        double start = (width - row.size() * colWidth) / 2 + colWidth / 2;
        for (size_t i = 0; i < row.size(); ++i) {
            row[i]->x = start + i * colWidth;
            row[i]->y = top + drawnRows * rowHeight;
        }
        ++drawnRows;
    }
    const double height = top + (drawnRows - 1) * rowHeight + 60 + 40;

    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width) << "\" height=\""
        << num(height) << "\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\">\n";

    // Lines first, so the symbols cover their ends.
    std::map<std::pair<const Node*, const Node*>, bool> couples;
    for (Node& child : nodes) {
        std::vector<Node*> parents = parentsOf(child.member->id);
        parents.erase(std::remove_if(parents.begin(), parents.end(),
                                     [&](Node* p) { return p->row >= child.row; }),
                      parents.end());
        if (parents.empty()) continue;
        double dropX, dropY;
        if (parents.size() >= 2 && parents[0]->y == parents[1]->y) {
            const Node* a = std::min(parents[0], parents[1],
                                     [](const Node* l, const Node* r) { return l->x < r->x; });
            const Node* b = a == parents[0] ? parents[1] : parents[0];
            if (!couples[{a, b}]) {
                couples[{a, b}] = true;
                out << "<line x1=\"" << num(a->x) << "\" y1=\"" << num(a->y) << "\" x2=\""
                    << num(b->x) << "\" y2=\"" << num(b->y)
                    << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
            }
            dropX = (a->x + b->x) / 2;
            dropY = a->y;
        } else {
            const Node* p = parents[0];
            dropX = p->x + kShape / 2 + 14;
            dropY = p->y;
            out << "<line x1=\"" << num(p->x) << "\" y1=\"" << num(p->y) << "\" x2=\"" << num(dropX)
                << "\" y2=\"" << num(dropY) << "\" stroke=\"#333\" stroke-width=\"2\"/>\n";
        }
        double barY = child.y - kShape / 2 - 22;
        out << "<polyline points=\"" << num(dropX) << "," << num(dropY) << " " << num(dropX) << ","
            << num(barY) << " " << num(child.x) << "," << num(barY) << " " << num(child.x) << ","
            << num(child.y) << "\" fill=\"none\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    }
    for (const Node& n : nodes) {
        shape(out, n);
        text(out, n.x, n.y + kShape / 2 + 14, clip(view.memberName(n.member->id), 22), 11, "bold");
        std::string age = view.age(*n.member);
        std::string detail = n.member->relationship;
        if (n.member->kind == "unborn")
            detail = n.member->expectedDate ? "due " + n.member->expectedDate->uk() : "unborn";
        else if (!age.empty())
            detail += (detail.empty() ? "" : ", ") + ("age " + age);
        text(out, n.x, n.y + kShape / 2 + 28, clip(detail, 26), 10);
    }
    // Legend.
    double ly = height - 18;
    out << "<rect x=\"10\" y=\"" << num(ly - 10)
        << "\" width=\"12\" height=\"12\" fill=\"#fff\" stroke=\"#333\"/>\n";
    text(out, 28, ly, "male", 10, "normal", "start");
    out << "<circle cx=\"86\" cy=\"" << num(ly - 4)
        << "\" r=\"6\" fill=\"#fff\" stroke=\"#333\"/>\n";
    text(out, 96, ly, "female", 10, "normal", "start");
    out << "<polygon points=\"156," << num(ly - 11) << " 163," << num(ly - 4) << " 156,"
        << num(ly + 3) << " 149," << num(ly - 4) << "\" fill=\"#fff\" stroke=\"#333\"/>\n";
    text(out, 168, ly, "other or not recorded", 10, "normal", "start");
    out << "<rect x=\"300\" y=\"" << num(ly - 10)
        << "\" width=\"12\" height=\"12\" fill=\"#cfe3f5\" stroke=\"#333\"/>\n";
    text(out, 318, ly, "lives in the household", 10, "normal", "start");
    out << "</svg>\n";
    return out.str();
}

std::string ecomapSvg(const CaseView& view) {
    const Case& kase = view.kase();
    std::vector<const NetworkLink*> links;
    for (const NetworkLink& l : kase.family.network)
        if (!view.onlyExcluded(l.members)) links.push_back(&l);
    if (links.empty()) return "";

    // A crowded network gets smaller boxes (and shorter labels) so that they do not overlap.
    const bool crowded = links.size() > 8;
    const double width = 660, cx = 330, boxH = 44;
    const double cy = crowded ? 250 : 230, rx = crowded ? 255 : 235, ry = crowded ? 205 : 175;
    const double boxW = crowded ? 124 : 176;
    const size_t nameChars = crowded ? 15 : 22, relationChars = crowded ? 20 : 30;
    const double height = crowded ? 560 : 520;
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width) << "\" height=\""
        << num(height) << "\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\">\n";

    std::vector<std::pair<double, double>> centres;
    for (size_t i = 0; i < links.size(); ++i) {
        double angle = -kPi / 2 + 2 * kPi * i / links.size();
        centres.push_back({cx + rx * std::cos(angle), cy + ry * std::sin(angle)});
    }
    for (size_t i = 0; i < links.size(); ++i) {
        const std::string& strength = links[i]->strength;
        double x2 = centres[i].first, y2 = centres[i].second;
        if (strength == "stressful") {
            double dx = x2 - cx, dy = y2 - cy, len = std::sqrt(dx * dx + dy * dy);
            double ux = dx / len, uy = dy / len;
            out << "<polyline points=\"";
            int k = 0;
            for (double d = 62; d < len - 22; d += 9, ++k) {
                double off = (k % 2 ? 6 : -6);
                out << num(cx + ux * d - uy * off) << "," << num(cy + uy * d + ux * off) << " ";
            }
            out << "\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"2\"/>\n";
        } else {
            const char* widthAttr = strength == "strong" ? "5" : "2";
            out << "<line x1=\"" << num(cx) << "\" y1=\"" << num(cy) << "\" x2=\"" << num(x2)
                << "\" y2=\"" << num(y2) << "\" stroke=\"#333\" stroke-width=\"" << widthAttr
                << "\"" << (strength == "tenuous" ? " stroke-dasharray=\"7,6\"" : "") << "/>\n";
        }
    }
    out << "<circle cx=\"" << num(cx) << "\" cy=\"" << num(cy)
        << "\" r=\"62\" fill=\"#cfe3f5\" stroke=\"#333\" stroke-width=\"2\"/>\n";
    text(out, cx, cy - 4, clip("The " + kase.family.familyName, 20), 12, "bold");
    text(out, cx, cy + 12, "family", 12, "bold");
    for (size_t i = 0; i < links.size(); ++i) {
        double x = centres[i].first, y = centres[i].second;
        out << "<rect x=\"" << num(x - boxW / 2) << "\" y=\"" << num(y - boxH / 2) << "\" width=\""
            << boxW << "\" height=\"" << boxH
            << "\" rx=\"8\" ry=\"8\" fill=\"#ffffff\" stroke=\"#555\" stroke-width=\"1.5\"/>\n";
        text(out, x, y - 3, clip(links[i]->name, nameChars), 11, "bold");
        text(out, x, y + 12, clip(links[i]->relationship, relationChars), 10);
    }
    // Legend.
    double ly = height - 40;
    const char* names[] = {"strong", "moderate", "tenuous", "stressful"};
    for (int i = 0; i < 4; ++i) {
        double x = 20 + i * 160;
        if (i == 3) {
            out << "<polyline points=\"";
            for (int k = 0; k <= 6; ++k)
                out << num(x + k * 8) << "," << num(ly + (k % 2 ? 5 : -5)) << " ";
            out << "\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"2\"/>\n";
        } else {
            out << "<line x1=\"" << num(x) << "\" y1=\"" << num(ly) << "\" x2=\"" << num(x + 48)
                << "\" y2=\"" << num(ly) << "\" stroke=\"#333\" stroke-width=\""
                << (i == 0 ? "5" : "2") << "\"" << (i == 2 ? " stroke-dasharray=\"7,6\"" : "")
                << "/>\n";
        }
        text(out, x + 56, ly + 4, names[i], 11, "normal", "start");
    }
    out << "</svg>\n";
    return out.str();
}

}  // namespace ehdocs::render
