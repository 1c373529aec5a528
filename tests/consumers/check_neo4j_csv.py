#!/usr/bin/python3
"""Checks a directory written by the neo4j exporter the way neo4j-admin will read it.

    /usr/bin/python3 check_neo4j_csv.py DIR

* every *.csv is UTF-8 without BOM, parses as RFC 4180 (python csv, strict) with one header,
  every row as wide as the header, and is byte-for-byte what csv.writer writes with minimal
  quoting and LF line ends (so quoting is neither missing nor gratuitous);
* node files nodes_<Label>.csv: first column <prop>:ID(<space>), a :LABEL column equal to
  <Label>, typed columns (int, long, date, string, int[], string[], ...) whose values parse;
  no id twice in a space;
* relationship files: :START_ID(<space>), :END_ID(<space>), :TYPE in UPPER_SNAKE, typed
  columns as above, and every start and end id present in the node files of its space.
Prints a JSON summary ({"nodes": N, "relationships": M, "labels": {...}, "types": {...}});
exits 1 listing the problems.
"""
import csv
import io
import json
import os
import re
import sys

TYPES = {"int", "long", "short", "byte", "float", "double", "boolean", "string", "date",
         "char", "datetime", "localdatetime", "time", "localtime", "duration", "point"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_COL = re.compile(r"^(?P<prop>[^:]*):ID\((?P<space>[A-Za-z]+)\)$")
START = re.compile(r"^:START_ID\((?P<space>[A-Za-z]+)\)$")
END = re.compile(r"^:END_ID\((?P<space>[A-Za-z]+)\)$")
TYPE_VALUE = re.compile(r"^[A-Z][A-Z0-9_]*$")

errors = []


def fail(msg):
    errors.append(msg)


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    name = os.path.basename(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: starts with a UTF-8 BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{name}: not UTF-8: {e}")
        return []
    if "\r" in text:
        fail(f"{name}: CR found; the exporter writes LF line ends")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        fail(f"{name}: empty")
        return []
    width = len(rows[0])
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            fail(f"{name}: record {i} has {len(row)} fields, header has {width}")
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(rows)
    if out.getvalue() != text:
        a, b = out.getvalue(), text
        at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        fail(f"{name}: not minimal RFC 4180 quoting near {b[max(0, at - 30):at + 30]!r}")
    return rows


def check_value(name, column, kind, value):
    if value == "":
        return  # no property
    base = kind[:-2] if kind.endswith("[]") else kind
    values = value.split(";") if kind.endswith("[]") else [value]
    for v in values:
        if base in ("int", "long", "short", "byte"):
            try:
                n = int(v)
            except ValueError:
                fail(f"{name}: column {column}: {v!r} is not an {base}")
                continue
            if base == "int" and not -2**31 <= n < 2**31:
                fail(f"{name}: column {column}: {v} does not fit an int")
        elif base in ("float", "double"):
            try:
                float(v)
            except ValueError:
                fail(f"{name}: column {column}: {v!r} is not a {base}")
        elif base == "boolean" and v not in ("true", "false"):
            fail(f"{name}: column {column}: {v!r} is not a boolean")
        elif base == "date" and not DATE.match(v):
            fail(f"{name}: column {column}: {v!r} is not an ISO date")


def column_types(name, header, special):
    """(column index, type) of the property columns; checks the type names."""
    out = []
    for i, col in enumerate(header):
        if i in special:
            continue
        if ":" in col:
            prop, kind = col.rsplit(":", 1)
            if not prop:
                fail(f"{name}: unknown special column {col!r}")
                continue
            base = kind[:-2] if kind.endswith("[]") else kind
            if base not in TYPES:
                fail(f"{name}: column {col!r}: unknown type {kind!r}")
            out.append((i, col, kind))
        else:
            out.append((i, col, "string"))
    return out


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    files = sorted(f for f in os.listdir(directory) if f.endswith(".csv"))
    ids = {}  # space -> set of ids
    labels = {}
    rel_files = []
    for f in files:
        name = f
        if f.startswith("nodes_"):
            rows = read_csv(os.path.join(directory, f))
            if not rows:
                continue
            header = rows[0]
            m = ID_COL.match(header[0])
            if not m:
                fail(f"{name}: first column {header[0]!r} is not <prop>:ID(<space>)")
                continue
            space = m.group("space")
            if ":LABEL" not in header:
                fail(f"{name}: no :LABEL column")
                continue
            label_col = header.index(":LABEL")
            want_label = f[len("nodes_"):-len(".csv")]
            typed = column_types(name, header, {0, label_col})
            seen = ids.setdefault(space, set())
            for row in rows[1:]:
                if not row[0]:
                    fail(f"{name}: empty id")
                if row[0] in seen:
                    fail(f"{name}: id {row[0]!r} twice in space {space}")
                seen.add(row[0])
                if row[label_col] != want_label:
                    fail(f"{name}: :LABEL {row[label_col]!r}, expected {want_label!r}")
                labels[want_label] = labels.get(want_label, 0) + 1
                for i, col, kind in typed:
                    check_value(name, col, kind, row[i])
        elif f.startswith("relationships_"):
            rel_files.append(f)
        else:
            fail(f"{name}: neither a nodes_ nor a relationships_ file")

    types = {}
    relationships = 0
    for f in rel_files:
        name = f
        rows = read_csv(os.path.join(directory, f))
        if not rows:
            continue
        header = rows[0]
        s, e = START.match(header[0]), END.match(header[1]) if len(header) > 1 else None
        if not s or not e or ":TYPE" not in header:
            fail(f"{name}: header must start :START_ID(space),:END_ID(space) and have :TYPE")
            continue
        type_col = header.index(":TYPE")
        typed = column_types(name, header, {0, 1, type_col})
        for row in rows[1:]:
            relationships += 1
            for value, space in ((row[0], s.group("space")), (row[1], e.group("space"))):
                if value not in ids.get(space, ()):
                    fail(f"{name}: {value!r} is not a node of ID space {space}")
            if not TYPE_VALUE.match(row[type_col]):
                fail(f"{name}: :TYPE {row[type_col]!r} is not UPPER_SNAKE")
            types[row[type_col]] = types.get(row[type_col], 0) + 1
            for i, col, kind in typed:
                check_value(name, col, kind, row[i])

    if errors:
        for msg in errors:
            print(msg, file=sys.stderr)
        return 1
    summary = {"nodes": sum(labels.values()), "relationships": relationships,
               "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
