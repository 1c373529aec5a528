#!/usr/bin/env python3
"""Re-lay-out every shared corpus text in several ways that must not change what it cites.

Usage: relayout.py SHARED_DIR DATA_DIR OUT_DIR

Reads SHARED_DIR/corpus/{en-ga,zh,misc}/*.txt (not the sentence table) and writes
OUT_DIR/<variant>/<corpus>/<same file name> for every variant below, plus OUT_DIR/MANIFEST.tsv
(variant, corpus, file). The file names are kept: the importer takes the language and the
document symbol from them.

What the generator leaves alone, so that the test measures the reader and not the generator:
  * the header (every line up to and including the subject line "The General Assembly,"; the
    subjects are read from DATA_DIR/lexicon/*/structure.tsv); a text in which no line starts
    with a subject is all header (only crlf, noblank and web change it);
  * PDF page furniture: job numbers ("23-23443 (E)"), barcodes ("*2323443*"), page counters
    ("2/5"), the document's symbol repeated at page tops and the running title beside it;
  * footnote areas: the rule ("_____") and every line after it up to the next page furniture;
  * closing lines (a meeting line, a date line) and annex headings, each kept as its own unit.
Everything else after the subject is body text. A body block (lines between blank lines) is cut
into units: a unit ends at a line that ends with clause punctuation (, ; . : and the CJK forms,
maybe followed by a footnote marker: "February 2025.14") when the next line does not start with a lower-case letter. Cutting too often only keeps an
original line break; a unit is never a join of lines the reader could see as two paragraphs.
A unit's lines are joined the way the reader joins them: no space after "/" or a hyphen after a
letter or digit ("A/78/" + "482", "non-" + "governmental"), none next to a CJK character, one
space elsewhere. Re-wrapping breaks only at a space that is not after "/" or "-" (Latin) or
between two characters either of which is CJK (CJK text is wrapped by characters).

Variants:
  wrap60     body units re-wrapped at 60 columns (CJK: 24 characters)
  wrap100    body units re-wrapped at 100 columns (CJK: 45 characters)
  oneline    every body unit on one line (blank lines between blocks kept)
  crlf       CRLF line ends and trailing blanks (two spaces and a tab) on every line
  noblank    every blank line removed (header, body, footnotes)
  web        page title, "skip" and navigation rows ("Home | Documents | ...", "<- | ... |")
             before the text, share and licence lines after it, no blank line between
  bullets    "- " before the first line of every body unit that starts a paragraph
             ("- Recalling ...", "- 1. Decides ..."): the first unit of a block (or every unit
             of a block whose lines all end a clause) when it starts with a capital letter, a
             number "12." or a non-Latin character and the unit before it ended a clause
             other than with ":" (after ":" a bullet marks a list item);
             line breaks are kept
"""
import multiprocessing
import os
import re
import sys

VARIANTS = ["wrap60", "wrap100", "oneline", "crlf", "noblank", "web", "bullets"]
CORPORA = ["en-ga", "zh", "misc"]
SKIP = {"UNPC_v1.0_devset_resolution_sentences.6lang.tsv"}

TERMINAL = tuple(",;.:，；。：、،؛")
MARKED_END = re.compile(r"[,;.:]\s?\d{1,3}$")
JOB = re.compile(r"^\d\d-\d{5}( |$)")
BARCODE = re.compile(r"^\*\d+\*$")
PAGE = re.compile(r"^(\d{1,3})/(\d{1,3})$")
RULE = "_____"
TITLE = re.compile(r"^\d+/\d+(\s*[A-Z])?\.\s")
CLOSING = [
    re.compile(r"^\d+(st|nd|rd|th)( \(resumed\))? plenary meeting$"),
    re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|"
               r"October|November|December) \d{4}$"),
    re.compile(r"^Adopted (unanimously )?by the Security Council at its \d+(st|nd|rd|th) meeting"),
    re.compile(r"^第\d+次全体会议$"),
    re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"),
]
OP_NUMBER = re.compile(r"^\(?\d{1,3}(\.|\)| ?-) ")
NUMBER_ONLY = re.compile(r"^(\(?\d{1,3}\s*[.)-]?|[A-Z]\.|[IVXL]+\.)$")  # "9.", "A.", "IV."
ANNEX = re.compile(r"^(Annex|Annexes|Appendix)( [IVX]+)?$|^附件[一二三四五六七八九十]*$")

CHROME = {
    "en": (["{symbol} | United Nations Digital Library",
            "Skip to main content",
            "Home | Documents | Resolutions | Search",
            "\u2190 | Previous resolution | {symbol} | Next resolution \u2192 |"],
           ["Share this page",
            "Facebook | X | LinkedIn | Email",
            "Content licensed under Creative Commons Attribution 3.0 IGO. Terms of use | Privacy"]),
    "zh": (["{symbol} - 维基文库，自由的图书馆",
            "跳转到内容",
            "首页 | 文件 | 决议 | 搜索",
            "\u2190 | 上一项决议 | {symbol} | 下一项决议 \u2192 |"],
           ["分享此页面",
            "微博 | 微信 | 电子邮件",
            "本作品在全世界都属于公有领域。使用条款 | 隐私政策"]),
}


def is_cjk(ch):
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x3000 <= o <= 0x303F or 0x20000 <= o <= 0x2FFFF)


def ends_clause(line):
    """Ends with clause punctuation, maybe followed by a footnote marker ("2025.14")."""
    return line.endswith(TERMINAL) or bool(MARKED_END.search(line))


def language(name):
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 else "en"


def symbol_of(name):
    return name.split(".")[0].replace("_", "/")


def subjects(data_dir):
    out = set()
    lex = os.path.join(data_dir, "lexicon")
    for lang in sorted(os.listdir(lex)):
        path = os.path.join(lex, lang, "structure.tsv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and cols[0] == "subject":
                    out.add(cols[1])
    return out


def join_pieces(pieces):
    """Joins stripped line texts as the reader does."""
    text = ""
    for p in pieces:
        if not p:
            continue
        if not text:
            text = p
            continue
        glued = p[0].isascii() and p[0].isalnum() and (
            text.endswith("/") or (len(text) >= 2 and text[-1] == "-" and text[-2].isalnum()))
        if glued or is_cjk(text[-1]) or is_cjk(p[0]):
            text += p
        else:
            text += " " + p
    return text


def wrap(text, width):
    """Breaks `text` into lines of at most `width` columns (a CJK character is two) where a
    break is allowed; the reader's join gives `text` back."""
    # Any white space (U+202F and the other fixed-width spaces included: the reader counts them
    # as spaces) is a place to break; none may be lost.
    tokens = re.findall(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\S|\s", text)
    tokens = [" " if t.isspace() else t for t in tokens]
    lines = []
    cur = ""
    cols = 0
    for tok in tokens:
        if tok == " ":
            if cur and not cur.endswith(" "):
                cur += " "
                cols += 1
            continue
        w = sum(2 if is_cjk(c) else 1 for c in tok)
        breakable = False
        if cur.endswith(" "):
            before = cur.rstrip(" ")
            breakable = bool(before) and before[-1] not in "/-"
        elif cur:
            breakable = is_cjk(tok[0]) or is_cjk(cur[-1])
        if breakable and cols + w > width:
            lines.append(cur.rstrip(" "))
            cur = ""
            cols = 0
        cur += tok
        cols += w
    if cur.strip():
        lines.append(cur.rstrip(" "))
    return lines


class Doc:
    """The original as a list of items: ("keep", line) | ("blank",) | ("unit", [lines], may_open)."""

    def __init__(self, text, subj):
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if raw and raw[-1] == "":
            raw.pop()
        self.items = []
        stripped = [l.strip() for l in raw]
        # The document's symbol (a line with "/" and no space, before the title) and title.
        symbol = None
        title = ""
        for i, s in enumerate(stripped):
            if symbol is None and "/" in s and " " not in s and re.match(r"^[A-Z]+/", s):
                symbol = s.rstrip("*")  # "A/RES/78/68*": a reissued document
            if not title and TITLE.match(s):
                j = i
                while j < len(stripped) and stripped[j]:
                    title += " " + stripped[j]
                    j += 1
        # Header: up to and including the subject line. Without a line that starts with the
        # subject nothing is body (the text is kept as it is).
        body = len(raw)
        for i, s in enumerate(stripped):
            if any(s.startswith(x) for x in subj):
                body = i + 1
                break

        def furniture(s):
            m = PAGE.match(s)
            return bool(JOB.match(s) or BARCODE.match(s) or (symbol and s.rstrip("*") == symbol) or
                        (m and 1 <= int(m.group(1)) <= int(m.group(2))))

        # Blocks of the body.
        for i in range(body):
            self.items.append(("blank",) if not stripped[i] else ("keep", raw[i]))
        blocks = []
        cur = []
        for i in range(body, len(raw)):
            if not stripped[i]:
                if cur:
                    blocks.append(cur)
                    cur = []
                blocks.append(None)
            else:
                cur.append(i)
        if cur:
            blocks.append(cur)
        in_notes = False
        for b in blocks:
            if b is None:
                self.items.append(("blank",))
                continue
            has_furniture = any(furniture(stripped[i]) for i in b)
            all_title = title and all(len(stripped[i]) >= 8 and stripped[i] in title for i in b)
            if has_furniture or all_title:
                in_notes = False
                for i in b:
                    self.items.append(("keep", raw[i]))
                continue
            unit = []

            def flush():
                if unit:
                    # Whether the unit may open a paragraph: the block's first, or any unit of
                    # a block whose lines all end a clause (one paragraph a line).
                    first = unit[0] == b[0] or all(ends_clause(stripped[k]) for k in b)
                    self.items.append(("unit", [stripped[k] for k in unit], first))
                    unit.clear()

            for i in b:
                s = stripped[i]
                if s.startswith(RULE):
                    flush()
                    in_notes = True
                if in_notes or any(c.match(s) for c in CLOSING) or ANNEX.match(s):
                    flush()
                    self.items.append(("keep", raw[i]))
                    continue
                # (A unit that is only a number or a heading label, "9." above "Decides …",
                # "A." above a heading, goes on.)
                if (unit and ends_clause(stripped[unit[-1]]) and not s[0].islower() and
                        not (len(unit) == 1 and NUMBER_ONLY.match(stripped[unit[0]]))):
                    flush()
                elif unit and NUMBER_ONLY.match(s) and s[0].isdigit():
                    flush()  # "Conserving the ocean⏎6.⏎We stress …": the number opens a unit
                unit.append(i)
            flush()

    def render(self, variant, lang, name):
        cjk = lang.startswith("zh")
        out = []
        prev_unit_open = False  # the last unit did not end a clause (a page break cut it)
        prev_list = False  # the last unit ended with ":"
        for it in self.items:
            if it[0] == "blank":
                if variant != "noblank":
                    out.append("")
                continue
            if it[0] == "keep":
                out.append(it[1])
                continue
            text = join_pieces(it[1])
            if variant == "wrap60":
                out.extend(wrap(text, 48 if cjk else 60))
            elif variant == "wrap100":
                out.extend(wrap(text, 90 if cjk else 100))
            elif variant == "oneline":
                out.append(text)
            elif variant == "bullets":
                # Not before a unit that only keeps an original line break ("…1998,⏎54/107 of").
                opens = text[0].isupper() or OP_NUMBER.match(text) or not text[0].isascii()
                # (Not after a unit that introduces a list: there a bullet marks a list item.)
                bullet = (not prev_unit_open and not prev_list and opens and it[2] and
                          not text[0].islower())
                out.extend([("- " if bullet else "") + it[1][0]] + it[1][1:])
            else:
                out.extend(it[1])
            prev_unit_open = not ends_clause(text)
            prev_list = text.endswith((":", "："))
        if variant == "noblank":
            out = [l for l in out if l.strip()]
            return "\n".join(out) + "\n"
        if variant == "crlf":
            return "".join(l + "  \t\r\n" for l in out)
        if variant == "web":
            before, after = CHROME["zh" if cjk else "en"]
            sym = symbol_of(name)
            while out and not out[0].strip():
                out.pop(0)
            while out and not out[-1].strip():
                out.pop()
            out = [l.format(symbol=sym) for l in before] + out + after
        return "\n".join(out) + "\n"


def relayout_one(job):
    """Writes the variants of one text; returns its manifest lines or raises ValueError."""
    src, corpus, name, out_dir, subj = job
    with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
        try:
            text = f.read()
        except UnicodeDecodeError as e:
            raise ValueError(f"{src}/{name}: not UTF-8 ({e})") from e
    doc = Doc(text, subj)
    lang = language(name)
    lines = []
    for v in VARIANTS:
        d = os.path.join(out_dir, v, corpus)
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write(doc.render(v, lang, name))
        lines.append(f"{v}\t{corpus}\t{name}")
    return lines


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    shared, data, out_dir = argv[1:]
    subj = subjects(data)
    if not subj:
        sys.stderr.write(f"relayout.py: no subject lines in {data}/lexicon/*/structure.tsv\n")
        return 1
    jobs = []
    for corpus in CORPORA:
        src = os.path.join(shared, "corpus", corpus)
        for v in VARIANTS:
            os.makedirs(os.path.join(out_dir, v, corpus), exist_ok=True)
        names = sorted(n for n in os.listdir(src) if n.endswith(".txt") and n not in SKIP)
        jobs.extend((src, corpus, n, out_dir, subj) for n in names)
    try:
        with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
            results = pool.map(relayout_one, jobs, chunksize=16)
    except ValueError as e:
        sys.stderr.write(f"relayout.py: {e}\n")
        return 1
    manifest = sorted(line for lines in results for line in lines)
    with open(os.path.join(out_dir, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("# variant\tcorpus\tfile\n" + "\n".join(manifest) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
