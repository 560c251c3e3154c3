#!/usr/bin/python3
"""Reading grade of family letters: the Flesch-Kincaid grade level of each letter's body.

    /usr/bin/python3 scripts/reading_grade.py [--max GRADE] LETTER.html...

Reads HTML letters rendered by `ehdocs render` and prints one line per letter:
grade, words, sentences and the file. Only the letter's own words count: the text inside
<div class="letter-body"> (from the greeting to the signature), not the addresses, reference
or footer. A heading, list item, table cell or paragraph ends a sentence, as does . ! or ?.
Syllables are counted with pyphen (Debian: python3-pyphen), as textstat does.

Exit status: 0 when every letter is at or below --max (default 6), 1 when one is above,
2 when a file has no letter body.
"""
import argparse
import html.parser
import re
import sys

import pyphen

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "ul", "ol", "table", "tr"}
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


class LetterBody(html.parser.HTMLParser):
    """Collects the text inside <div class="letter-body">, one block per line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # divs open inside the body; 0 = outside it
        self.found = False
        self.blocks = [""]

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            if self.depth:
                self.depth += 1
            elif "letter-body" in (dict(attrs).get("class") or "").split():
                self.depth, self.found = 1, True
        if self.depth and (tag in BLOCKS or tag == "br"):
            self.blocks.append("")

    def handle_endtag(self, tag):
        if self.depth and tag in BLOCKS:
            self.blocks.append("")
        if tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.blocks[-1] += data


def syllables(word, dic):
    if word[0].isdigit():
        return 1  # numbers and dates are read at a glance
    return len(dic.positions(word.lower())) + 1


def grade(text_blocks, dic):
    words = sentences = syll = 0
    for block in text_blocks:
        block = block.strip()
        found = WORD.findall(block)
        if not found:
            continue
        words += len(found)
        syll += sum(syllables(w, dic) for w in found)
        # Each block is at least one sentence; more when it holds several.
        sentences += max(1, len(SENTENCE_END.findall(block)))
    if not words:
        return None
    return 0.39 * words / sentences + 11.8 * syll / words - 15.59, words, sentences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", type=float, default=6.0, help="highest grade allowed (6)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    dic = pyphen.Pyphen(lang="en_US")
    status = 0
    for name in args.files:
        with open(name, encoding="utf-8") as f:
            body = LetterBody()
            body.feed(f.read())
        result = grade(body.blocks, dic) if body.found else None
        if result is None:
            print(f"{name}: no letter body (<div class=\"letter-body\">) found", file=sys.stderr)
            status = max(status, 2)
            continue
        level, words, sentences = result
        over = level > args.max
        print(f"{level:5.1f}  {words:4d} words  {sentences:3d} sentences  {name}"
              + ("  ABOVE GRADE %g" % args.max if over else ""))
        if over and status == 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
