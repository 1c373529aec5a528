#!/usr/bin/env python3
"""Measures how well operative paragraphs name their addressees (issue #15).

Usage: measure-mandates.py BINARY [--data DIR] [--corpus DIR] [--db FILE]
                           [--min-addressee PCT] [--min-bodies N] [--list-missing N]

Imports the English General Assembly corpus (default ../shared/corpus/en-ga relative to the
repository root) into a temporary store with BINARY and prints:
  - the share of request-type operative paragraphs (opening, after their number and any
    adverb, with Requests / Urges / Calls upon / Invites / Encourages / Recommends that) that
    carry at least one addressee edge;
  - the number of distinct Body nodes that are the target of an edge;
  - whether `mandates --to` answers for UNEP, UNDP, UNHCR, WHO, FAO, UNICEF and the
    International Law Commission;
  - the unresolved references of the import (--report), grouped by reason.
With --min-addressee / --min-bodies it exits 1 when a figure is below its target (the ctest
`measure_mandates` uses this). Python 3 standard library only.
"""

import argparse
import collections
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The paragraph number, then adverbs ("Also", "Further", "Strongly", "Once again"), then the verb.
REQUEST = re.compile(
    r"\s*(?:\(?[0-9]+[.)]\s*)?(?:(?:[A-Z][a-z]+ly|Also|Further|Once again|Again|also|further"
    r"|strongly|urgently)\s+)*(Requests|Urges|Calls upon|Invites|Encourages|Recommends that)\b")
PROBES = ["UNEP", "UNDP", "UNHCR", "WHO", "FAO", "UNICEF", "International Law Commission"]
UNRESOLVED = re.compile(r"^\s*unresolved (\S+) (\S+(?: fn\d+)?): (.*) \(([^()]*(?:\([^()]*\))?[^()]*)\)$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--data", default=os.path.join(REPO, "data"))
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "en-ga"))
    ap.add_argument("--db", help="keep the store here (default: a temporary file)")
    ap.add_argument("--min-addressee", type=float, default=None, help="percent")
    ap.add_argument("--min-bodies", type=int, default=None)
    ap.add_argument("--list-missing", type=int, default=0,
                    help="print this many request-type paragraphs without an addressee")
    a = ap.parse_args()

    files = sorted(os.path.join(a.corpus, f) for f in os.listdir(a.corpus)
                   if f.endswith(".txt"))
    if not files:
        print("measure-mandates: no .txt files in %s" % a.corpus, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or os.path.join(tmp, "m.db")
        if os.path.exists(db):
            os.remove(db)
        imp = subprocess.run([a.binary, "--db", db, "--data", a.data, "import", "--report"] +
                             files, capture_output=True, text=True)
        if imp.returncode != 0:
            print(imp.stdout[-2000:], imp.stderr[-2000:], file=sys.stderr)
            print("measure-mandates: import failed (exit %d)" % imp.returncode, file=sys.stderr)
            return 2
        con = sqlite3.connect(db)
        with_addressee = set(con.execute(
            "select distinct doc_id, lang, paragraph from edges where role = 'addressee'"))
        total = hit = 0
        missing = []
        by_verb = collections.Counter()
        by_verb_hit = collections.Counter()
        for doc, lang, label, text in con.execute(
                "select doc_id, lang, label, text from paragraphs where label like 'op%' "
                "order by doc_id, seq"):
            m = REQUEST.match(text)
            if not m:
                continue
            total += 1
            by_verb[m.group(1)] += 1
            if (doc, lang, label) in with_addressee:
                hit += 1
                by_verb_hit[m.group(1)] += 1
            else:
                missing.append((doc, label, " ".join(text.split())[:110]))
        bodies = con.execute(
            "select count(distinct e.target) from edges e join nodes n on n.id = e.target "
            "where n.kind = 'Body'").fetchone()[0]
        actors = con.execute(
            "select count(distinct e.target) from edges e join nodes n on n.id = e.target "
            "where n.kind = 'Actor'").fetchone()[0]
        share = 100.0 * hit / total if total else 0.0
        print("corpus: %d files (%s)" % (len(files), a.corpus))
        print("request-type operative paragraphs: %d; with an addressee edge: %d (%.1f %%)" %
              (total, hit, share))
        for v in sorted(by_verb):
            print("  %-16s %5d  %5.1f %%" % (v, by_verb[v], 100.0 * by_verb_hit[v] / by_verb[v]))
        print("distinct bodies reached (Body targets of an edge): %d; actors: %d" %
              (bodies, actors))
        print("mandates --to:")
        answered = 0
        for p in PROBES:
            r = subprocess.run([a.binary, "--db", db, "--data", a.data, "mandates", "--to", p],
                               capture_output=True, text=True)
            first = (r.stdout.strip().split("\n") or [""])[0] if r.returncode == 0 else \
                r.stderr.strip()
            mm = re.match(r"(\d+) mandates?", first)
            n = int(mm.group(1)) if mm else 0
            answered += n > 0
            print("  %-30s %s" % (p, first if first else "(no output)"))
        reasons = collections.Counter()
        for line in imp.stdout.split("\n") + imp.stderr.split("\n"):
            u = UNRESOLVED.match(line)
            if u:
                reason = re.sub(r"'[^']*'", "'…'", u.group(4))
                kind = u.group(3).split(":")[0] if re.match(r"[a-z]+:", u.group(3)) else "-"
                reasons[(reason, kind)] += 1
        print("unresolved references: %d, by reason and target kind:" % sum(reasons.values()))
        for (reason, kind), n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %6d  %-50s %s" % (n, reason, kind))
        if a.list_missing:
            print("request-type paragraphs without an addressee (first %d):" % a.list_missing)
            for doc, label, t in missing[:a.list_missing]:
                print("  %s %s: %s" % (doc, label, t))
        con.close()
    failed = []
    if a.min_addressee is not None and share < a.min_addressee:
        failed.append("addressee share %.1f %% < %.1f %%" % (share, a.min_addressee))
    if a.min_bodies is not None and bodies < a.min_bodies:
        failed.append("bodies reached %d < %d" % (bodies, a.min_bodies))
    if a.min_addressee is not None and answered < len(PROBES):
        failed.append("mandates --to answered for %d of %d probes" % (answered, len(PROBES)))
    if failed:
        print("FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
