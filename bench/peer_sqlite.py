#!/usr/bin/python3
"""Python peer for the store: insert the very rows citegraph's Store writes for its edges
(dumped by citegraph_bench with CITEGRAPH_BENCH_ROWS_OUT) into SQLite with executemany, one
transaction, fresh database file, the way a Python user would bulk-load them.

usage: /usr/bin/python3 bench/peer_sqlite.py ROWS.tsv [--repeats 3]
prints JSON: rows, seconds (median), all times, rows_per_s (median)
"""
import json, os, sqlite3, statistics, sys, tempfile, time


def main():
    path = sys.argv[1]
    reps = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 3
    with open(path, encoding="utf-8") as f:
        rows = [tuple(line.rstrip("\n").split("\t")) for line in f]
    rows = [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), int(r[8]), r[9]) for r in rows]
    times = []
    for _ in range(reps):
        fd, db = tempfile.mkstemp(suffix=".db")
        os.close(fd)
        os.remove(db)
        t0 = time.perf_counter()
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE edges (id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
                    "target TEXT NOT NULL, relation TEXT NOT NULL, role TEXT NOT NULL, "
                    "document TEXT NOT NULL, language TEXT NOT NULL, paragraph TEXT NOT NULL, "
                    "span_begin INTEGER, span_end INTEGER, text TEXT)")
        with con:
            con.executemany("INSERT INTO edges (source, target, relation, role, document, "
                            "language, paragraph, span_begin, span_end, text) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        con.close()
        times.append(time.perf_counter() - t0)
        os.remove(db)
    med = statistics.median(times)
    print(json.dumps({"rows": len(rows), "seconds": med, "times": times,
                      "rows_per_s": len(rows) / med}))


if __name__ == "__main__":
    main()
