#!/usr/bin/env python3
"""Scores the mandate records (issue #17) against tests/mandates/gold.tsv.

Usage: score.py BINARY [--data DIR] [--corpus DIR] [--min-action P] [--min-due P]
Imports the gold's documents into a temporary store, reads `mandates --json` per language
and compares, per gold clause, the action, the due organ+session+year and the recurrence.
A gold clause with no record counts as wrong in every column. Two parts: gold.tsv (the clauses
the tables were written and corrected on) and blind.tsv (clauses of other documents, read
afterwards: the blind test), each scored alone. Exit 1 when the action or due accuracy of
gold.tsv is below the floor given. Python 3 standard library only.
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# The texts read by hand: corpus-relative ("corpus:") or repository-relative paths.
SOURCES = [
    "corpus:en-ga/A_RES_78_191.en.txt", "corpus:en-ga/A_RES_78_201.en.txt",
    "corpus:en-ga/A_RES_78_207.en.txt", "corpus:en-ga/A_RES_78_257.en.txt",
    "corpus:en-ga/A_RES_79_6.en.txt", "corpus:en-ga/A_RES_79_86.en.txt",
    "corpus:en-ga/A_RES_79_122.en.txt", "corpus:en-ga/A_RES_79_162.en.txt",
    "corpus:en-ga/A_RES_80_225.en.txt",
    "data/samples/A_RES_68_193.zh.txt", "tests/fixtures/pdf/A_RES_70_178.zh.txt",
    "tests/fixtures/en/A_RES_68_193.en.txt", "tests/fixtures/fr/A_RES_68_193.fr.txt",
    "tests/fixtures/es/A_RES_68_193.es.txt", "tests/fixtures/ru/A_RES_68_193.ru.txt",
    "tests/fixtures/ar/A_RES_68_193.ar.txt",
    "tests/devset/docs/S_RES_1985_2011.en.txt", "tests/devset/docs/S_RES_1985_2011.zh.txt",
    # blind.tsv
    "corpus:en-ga/A_RES_79_242.en.txt", "corpus:en-ga/A_RES_80_87.en.txt",
    "tests/devset/docs/S_RES_1928_2010.en.txt", "tests/devset/docs/S_RES_678_1990.en.txt",
    "tests/devset/docs/S_RES_1654_2006.en.txt", "tests/devset/docs/A_RES_2097_XX.en.txt",
    "tests/devset/docs/A_RES_96_I.en.txt", "tests/devset/docs/A_RES_96_I.fr.txt",
    "tests/devset/docs/A_RES_102_I.es.txt", "tests/devset/docs/S_RES_1224_1999.ru.txt",
]


def read_gold(path, part):
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols + [""] * (len(header) - len(cols))))
            row["part"] = part
            rows.append(row)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--min-action", type=float, default=0.0)
    ap.add_argument("--min-due", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    gold = read_gold(os.path.join(HERE, "gold.tsv"), "gold")
    if len(gold) < 150:
        print("score: only %d gold rows" % len(gold), file=sys.stderr)
        return 1
    blind = read_gold(os.path.join(HERE, "blind.tsv"), "blind")

    files = []
    for s in SOURCES:
        p = os.path.join(a.corpus, s[7:]) if s.startswith("corpus:") else os.path.join(ROOT, s)
        if not os.path.isfile(p):
            print("score: missing source %s" % p, file=sys.stderr)
            return 1
        files.append(p)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "m.db")
        imp = subprocess.run([a.binary, "--db", db, "--data", a.data, "import"] + files,
                             capture_output=True, text=True)
        if imp.returncode != 0:
            print(imp.stderr, file=sys.stderr)
            return 1
        records = []
        for lang in sorted({g["language"] for g in gold + blind}):
            out = subprocess.run([a.binary, "--db", db, "mandates", "--lang", lang, "--json"],
                                 capture_output=True, text=True, check=True).stdout
            records += json.loads(out)

    first = None
    for part, rows in (("gold", gold), ("blind", blind)):
        if not rows:
            continue
        print("== %s.tsv" % part)
        res = score(rows, records, a.verbose, part)
        first = first or res
    act, due = first
    if act < a.min_action or due < a.min_due:
        print("score: below the floor (action %.1f < %.1f or due %.1f < %.1f)" % (
            act, a.min_action, due, a.min_due), file=sys.stderr)
        return 1
    return 0


def score(gold, records, verbose, part):
    n = len(gold)
    ok = {"action": 0, "due": 0, "recurrence": 0, "both": 0, "found": 0}
    by_lang = {}
    for g in gold:
        rec = next((r for r in records if r["document"] == g["document"] and
                    r["language"] == g["language"] and r["paragraph"] == g["paragraph"] and
                    r["text"].startswith(g["clause"])), None)
        lang = by_lang.setdefault(g["language"], [0, 0, 0])
        lang[0] += 1
        if rec is None:
            if verbose:
                print("MISSING %s %s %s %s" % (g["document"], g["language"], g["paragraph"],
                                               g["clause"]))
            continue
        ok["found"] += 1
        act = rec["action"] == g["action"]
        due = (rec["due_organ"], rec["due_session"], rec["due_year"]) == (
            g["due_organ"], g["due_session"], g["due_year"])
        ok["action"] += act
        ok["due"] += due
        ok["both"] += act and due
        ok["recurrence"] += rec["recurrence"] == g["recurrence"]
        lang[1] += act
        lang[2] += due
        if verbose and not (act and due):
            print("%s %s %s %-8s action %s/%s due %s/%s" % (
                g["document"], g["language"], g["paragraph"], g["clause"][:20], rec["action"],
                g["action"], "%s %s%s" % (rec["due_organ"], rec["due_session"], rec["due_year"]),
                "%s %s%s" % (g["due_organ"], g["due_session"], g["due_year"])))
    pct = lambda k: 100.0 * ok[k] / n
    docs = len({g["document"] for g in gold})
    print("%s: %d clauses, %d documents, %d languages" % (part, n, docs, len(by_lang)))
    for k in ("found", "action", "due", "both", "recurrence"):
        print("%-11s %3d / %d  %5.1f %%" % (k, ok[k], n, pct(k)))
    for lang, (m, act, due) in sorted(by_lang.items()):
        print("  %-3s %3d clauses  action %5.1f %%  due %5.1f %%" % (lang, m, 100.0 * act / m,
                                                                   100.0 * due / m))
    return pct("action"), pct("due")


if __name__ == "__main__":
    sys.exit(main())
