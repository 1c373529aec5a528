#!/usr/bin/env python3
"""Scores the mandate records (issue #17) against tests/mandates/gold.tsv.

Usage: score.py BINARY [--data DIR] [--corpus DIR] [--min-action P] [--min-due P]
Imports the gold's documents into a temporary store, reads `mandates --json` per language
and compares, per gold clause, the action, the due organ+session+year and the recurrence.
A gold clause with no record counts as wrong in every column. Exit 1 when the action or due
accuracy is below the floor given. Python 3 standard library only.
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
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--min-action", type=float, default=0.0)
    ap.add_argument("--min-due", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    gold = []
    with open(os.path.join(HERE, "gold.tsv"), encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            gold.append(dict(zip(header, cols + [""] * (len(header) - len(cols)))))
    if len(gold) < 150:
        print("score: only %d gold rows" % len(gold), file=sys.stderr)
        return 1

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
        for lang in sorted({g["language"] for g in gold}):
            out = subprocess.run([a.binary, "--db", db, "mandates", "--lang", lang, "--json"],
                                 capture_output=True, text=True, check=True).stdout
            records += json.loads(out)

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
            if a.verbose:
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
        if a.verbose and not (act and due):
            print("%s %s %s %-8s action %s/%s due %s/%s" % (
                g["document"], g["language"], g["paragraph"], g["clause"][:20], rec["action"],
                g["action"], "%s %s%s" % (rec["due_organ"], rec["due_session"], rec["due_year"]),
                "%s %s%s" % (g["due_organ"], g["due_session"], g["due_year"])))
    pct = lambda k: 100.0 * ok[k] / n
    docs = len({g["document"] for g in gold})
    print("gold: %d clauses, %d documents, %d languages" % (n, docs, len(by_lang)))
    for k in ("found", "action", "due", "both", "recurrence"):
        print("%-11s %3d / %d  %5.1f %%" % (k, ok[k], n, pct(k)))
    for lang, (m, act, due) in sorted(by_lang.items()):
        print("  %-3s %3d clauses  action %5.1f %%  due %5.1f %%" % (lang, m, 100.0 * act / m,
                                                                   100.0 * due / m))
    if pct("action") < a.min_action or pct("due") < a.min_due:
        print("score: below the floor (action %.1f < %.1f or due %.1f < %.1f)" % (
            pct("action"), a.min_action, pct("due"), a.min_due), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
