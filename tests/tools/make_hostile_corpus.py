#!/usr/bin/env python3
"""Writes a hostile corpus of map files for tests/app/cli_hostile_test.sh (standard library only).

Usage: make_hostile_corpus.py OUT_DIR

OUT_DIR/bad/   files every command must refuse with exit 1 and a short, escaped message:
               invalid UTF-8, NUL bytes and \\u0000, duplicate keys at every level, huge numbers,
               deep nesting, 8 MiB of empty objects, truncated files, wrong types for every
               field of the v1 schema (maps/FORMAT.md), overflowing runs, bad sizes, escape
               sequences in fields that are checked, 10 KB keys, hostile file names, a FIFO,
               a directory, a symlink loop, a dangling symlink, a link to /dev/zero, an empty file.
OUT_DIR/good/  valid maps with hostile text where any text is allowed (escape sequences, C1 and
               bidi controls in names and notes, formula-like client ids) and hostile file names.
Prints the number of files written to each folder.
"""
import copy
import json
import os
import sys

W, H = 512, 1024
CELLS = W * H
LIMIT = 8 << 20

# Escape sequences and control characters a hostile file might use on a terminal.
HOSTILE_TEXT = [
    "\x1b[2J\x1b[H\x1b]0;owned\x07",       # clear screen, home, set window title
    "\x1b[31mred\x1b[0m\r\nFAKE: ok",        # colour, CR LF and a forged line
    "\u009b31m\u009d0;x\u009c",             # C1 CSI / OSC / ST
    "\u202eevil\u202c\u2066x\u2069",          # bidi override and isolates
    "\x7f\x08\x08\x08del",                  # DEL, backspaces
    "=HYPERLINK(\"http://x\",\"y\")",        # spreadsheet formulas
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def base_map():
    return {
        "format": "bodymap",
        "version": 1,
        "template": {"id": "adult-neutral", "version": 1},
        "grid": {"width": W, "height": H},
        "visit": {
            "clientId": "hostile-client",
            "clientName": "Hostile Client",
            "time": "2026-11-24T14:30:00",
            "drawnBy": "client",
            "therapist": "",
            "notes": "",
            "appVersion": "0.1.0",
        },
        "fascialTags": [],
        "views": {
            "front": {"intensity": [[0, 200000], [5, 40], [0, CELLS - 200040]],
                      "qualities": [[0, 200000], [1, 40], [0, CELLS - 200040]]},
            "back": {"intensity": [[0, CELLS]], "qualities": [[0, CELLS]]},
        },
    }


def dumps(doc):
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


class Corpus:
    def __init__(self, out):
        self.bad = os.path.join(out, "bad")
        self.good = os.path.join(out, "good")
        os.makedirs(self.bad, exist_ok=True)
        os.makedirs(self.good, exist_ok=True)
        self.names = set()

    def _write(self, folder, name, data):
        if isinstance(name, str):
            name = name.encode("utf-8")
        assert name not in self.names, name
        self.names.add(name)
        with open(os.path.join(folder.encode(), name), "wb") as f:
            f.write(data)

    def bad_file(self, name, data):
        self._write(self.bad, name, data)

    def good_file(self, name, data):
        self._write(self.good, name, data)

    def bad_doc(self, name, doc):
        self.bad_file(name, dumps(doc))


def set_path(doc, path, value):
    """A copy of doc with doc[path[0]][path[1]]... = value."""
    d = copy.deepcopy(doc)
    node = d
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    return d


def with_raw(doc, path, raw):
    """The text of doc with the value at path replaced by the raw bytes `raw`."""
    marker = "@@RAW@@"
    text = dumps(set_path(doc, path, marker))
    return text.replace(('"' + marker + '"').encode(), raw)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile_corpus.py OUT_DIR")
    c = Corpus(sys.argv[1])
    base = base_map()
    tagged = set_path(base, ["fascialTags"], [{"band": "sbl-right-calf", "kinds": ["tender"], "note": ""}])

    string_fields = [
        ["format"], ["template", "id"], ["visit", "clientId"], ["visit", "clientName"],
        ["visit", "time"], ["visit", "drawnBy"], ["visit", "therapist"], ["visit", "notes"],
        ["visit", "appVersion"], ["fascialTags", 0, "band"], ["fascialTags", 0, "kinds", 0],
        ["fascialTags", 0, "note"],
    ]
    free_text_fields = [["visit", "clientName"], ["visit", "therapist"], ["visit", "notes"],
                        ["visit", "appVersion"], ["visit", "clientId"], ["fascialTags", 0, "note"]]
    checked_text_fields = [f for f in string_fields if f not in free_text_fields]

    def fname(path):
        return "_".join(str(p) for p in path)

    # 1. Invalid UTF-8 in string fields (every other one), and in a key.
    for f in string_fields[::2]:
        c.bad_file("utf8_ff_in_%s.json" % fname(f), with_raw(tagged, f, b'"x\xffy"'))
    for label, raw in [("overlong", b'"\xc0\xaf"'), ("surrogate", b'"\xed\xa0\x80"'),
                       ("cut_sequence", b'"\xe2\x82"')]:
        c.bad_file("utf8_%s_in_notes.json" % label, with_raw(base, ["visit", "notes"], raw))
    c.bad_file("utf8_in_key.json", dumps(base).replace(b'"notes"', b'"no\xfetes"'))

    # 2. NUL: raw bytes, and \u0000 in every string field and in keys.
    text = dumps(base)
    c.bad_file("nul_at_start.json", b"\x00" + text)
    c.bad_file("nul_in_middle.json", text.replace(b"Hostile Client", b"Hostile\x00Client"))
    c.bad_file("nul_at_end.json", text + b"\x00")
    c.bad_file("nul_only.json", b"\x00" * 100)
    for f in string_fields[1::2]:
        c.bad_file("nul_escape_in_%s.json" % fname(f), with_raw(tagged, f, b'"ok\\u0000hidden"'))
    c.bad_file("nul_escape_in_key.json", dumps(base).replace(b'"notes"', b'"no\\u0000tes"'))
    c.bad_file("nul_escape_in_unknown_key.json", dumps(base).replace(b'"visit"', b'"\\u0000"', 1))

    # 3. Duplicate keys at every level (the second value is the same, so only the rule catches it).
    def dup(doc, path, key):
        t = dumps(doc).decode()
        node = doc
        for p in path:
            node = node[p]
        frag = json.dumps(key) + ": " + json.dumps(node[key], ensure_ascii=False)
        assert frag in t, frag
        return t.replace(frag, frag + ", " + frag, 1).encode()

    for path, keys in [([], ["format", "views"]), (["template"], ["id"]), (["grid"], ["height"]),
                       (["visit"], ["clientId", "notes"]), (["fascialTags", 0], ["kinds"]),
                       (["views"], ["back"]), (["views", "back"], ["qualities"])]:
        for key in keys:
            c.bad_file("dup_%s_%s.json" % ("_".join(map(str, path)) or "top", key), dup(tagged, path, key))

    # 4. Huge and odd numbers.
    for label, path, raw in [
        ("version_1e400", ["version"], b"1e400"), ("version_neg_1e400", ["version"], b"-1e400"),
        ("version_20_digits", ["version"], b"99999999999999999999"),
        ("version_5000_digits", ["version"], b"9" * 5000), ("version_half", ["version"], b"0.5"),
        ("version_neg", ["version"], b"-1"), ("version_2pow63", ["version"], b"9223372036854775808"),
        ("template_version_huge", ["template", "version"], b"18446744073709551615"),
        ("width_1e10", ["grid", "width"], b"10000000000"), ("width_neg", ["grid", "width"], b"-512"),
        ("height_4097", ["grid", "height"], b"4097"), ("height_float", ["grid", "height"], b"1024.000001"),
        ("run_count_1e20", ["views", "back", "intensity", 0, 1], b"100000000000000000000"),
        ("run_count_neg", ["views", "back", "intensity", 0, 1], b"-524288"),
        ("run_count_2pow64", ["views", "back", "intensity", 0, 1], b"18446744073709551616"),
        ("run_value_huge", ["views", "back", "intensity", 0, 0], b"1e300"),
        ("run_value_neg", ["views", "back", "qualities", 0, 0], b"-1"),
        ("number_leading_zero", ["version"], b"01"), ("number_nan", ["version"], b"NaN"),
    ]:
        c.bad_file("num_%s.json" % label, with_raw(base, path, raw))

    # 5. Deep nesting.
    for depth in [9, 100, 100000]:
        c.bad_file("deep_%d.json" % depth, with_raw(base, ["visit", "notes"], b"[" * depth + b"]" * depth))
    c.bad_file("deep_8mib_brackets.json", b"[" * (LIMIT - 1))
    c.bad_file("deep_objects.json", b'{"a":' * 5000 + b"1" + b"}" * 5000)

    # 6. Many empty objects and keys, up to the 8 MiB limit; one file just over it.
    def fill(open_, item, close):
        n = (LIMIT - len(open_) - len(close)) // (len(item) + 1)
        return open_ + b",".join([item] * n) + close
    c.bad_file("many_empty_objects_8mib.json", fill(b"[", b"{}", b"]"))
    c.bad_file("many_empty_arrays_8mib.json", fill(b"[", b"[]", b"]"))
    keys = []
    size = 2
    i = 0
    while size < LIMIT - 32:
        k = b'"k%d":{}' % i
        keys.append(k)
        size += len(k) + 1
        i += 1
    c.bad_file("many_keys_8mib.json", b"{" + b",".join(keys) + b"}")
    c.bad_file("many_empty_objects_in_runs.json",
               with_raw(base, ["views", "front", "intensity"], fill(b"[", b"{}", b"]")[: LIMIT - 1000]))
    c.bad_file("many_runs_8mib.json",
               with_raw(base, ["views", "front", "intensity"], fill(b"[", b"[1,1]", b"]")[: LIMIT - 1000] + b"]"))
    c.bad_file("over_limit.json", b" " * (LIMIT + 1))
    c.bad_file("long_string_8mib.json", with_raw(base, ["visit", "notes"], b'"' + b"x" * (LIMIT - 1000) + b'"'))
    c.bad_file("numbers_8mib.json", fill(b"[", b"1234567", b"]"))

    # 7. Truncated files, cut at many places (never at the very end: the final "}" matters).
    full = dumps(tagged)
    for frac in [0.01, 0.2, 0.45, 0.75, 0.99]:
        n = max(1, int(len(full) * frac))
        c.bad_file("truncated_%02d.json" % int(frac * 100), full[:n])
    c.bad_file("truncated_in_escape.json", b'{"format": "bodymap\\u00')
    c.bad_file("truncated_in_utf8.json", b'{"format": "bodymap\xe2\x82')

    # 8. Wrong types for every field of the schema.
    wrong = {"null": None, "bool": True, "int": 7, "float": 1.5, "string": "x", "array": [1], "object": {"a": 1}}
    typed_fields = {
        ("format",): "string", ("version",): "int", ("template",): "object", ("template", "id"): "string",
        ("template", "version"): "int", ("grid",): "object", ("grid", "width"): "int",
        ("grid", "height"): "int", ("visit",): "object", ("visit", "clientId"): "string",
        ("visit", "time"): "string", ("visit", "drawnBy"): "string", ("fascialTags",): "array",
        ("fascialTags", 0): "object", ("fascialTags", 0, "band"): "string",
        ("fascialTags", 0, "kinds"): "array", ("views",): "object", ("views", "front"): "object",
        ("views", "back", "intensity"): "array", ("views", "back", "qualities"): "array",
        ("views", "back", "intensity", 0): "array",
    }
    labels = list(wrong)
    for i, (path, right) in enumerate(typed_fields.items()):
        # Two wrong types per field, in turn, so that every type appears in every part.
        candidates = [k for k in labels if k != right and not (right == "int" and k == "float")
                      and not (k == "null" and path == ("fascialTags",))]  # null = absent: valid
        for label in [candidates[i % len(candidates)], candidates[(i + 3) % len(candidates)]]:
            c.bad_doc("type_%s_%s.json" % ("_".join(map(str, path)), label),
                      set_path(tagged, list(path), wrong[label]))
    for label, value, f in [("int", 1, ["visit", "clientName"]), ("array", [], ["visit", "notes"]),
                            ("object", {}, ["fascialTags", 0, "note"])]:
        c.bad_doc("type_%s_%s.json" % (fname(f), label), set_path(tagged, f, value))
    c.bad_doc("top_level_array.json", [base])
    c.bad_doc("top_level_string.json", "bodymap")
    c.bad_doc("top_level_number.json", 1)
    c.bad_doc("top_level_null.json", None)

    # 9. Runs that overflow or do not add up.
    for label, runs in [
        ("one_too_many", [[0, CELLS], [0, 1]]), ("one_short", [[0, CELLS - 1]]),
        ("max_counts", [[0, CELLS]] * 50), ("triple", [[0, CELLS, 1]]), ("single", [[0]]),
        ("empty_run", [[]]), ("empty", []), ("string_count", [[0, str(CELLS)]]),
        ("value_11", [[11, CELLS]]), ("zero_count", [[0, 0], [0, CELLS]]),
        ("bool_value", [[True, CELLS]]), ("nested", [[[0], CELLS]]),
    ]:
        c.bad_doc("runs_%s.json" % label, set_path(base, ["views", "back", "intensity"], runs))
    c.bad_doc("runs_qualities_without_intensity.json",
              set_path(base, ["views", "back", "qualities"], [[1, CELLS]]))
    c.bad_doc("runs_quality_32.json", set_path(base, ["views", "back", "qualities"], [[32, CELLS]]))

    # 10. Control characters, escape sequences and formulas in every string field that is checked
    # (these must be refused, and the message shows the value escaped), and 10 KB values.
    for i, f in enumerate(checked_text_fields):
        for k in [i % 5, (i + 2) % 5]:
            c.bad_doc("ctl_%s_%d.json" % (fname(f), k), set_path(tagged, f, HOSTILE_TEXT[k]))
        c.bad_doc("long_10k_%s.json" % fname(f), set_path(tagged, f, "\x1b" * 10240))
    keys = [("10k", "k" * 10240), ("esc", "\x1b[2J\x1b]0;owned\x07\r\n"), ("bidi", "\u202eyek\u202c")]
    for i, where in enumerate([[], ["visit"], ["views"], ["views", "front"], ["template"], ["grid"]]):
        for label, key in [keys[i % 3], keys[(i + 1) % 3]]:
            d = copy.deepcopy(tagged)
            node = d
            for p in where:
                node = node[p]
            node[key] = 1
            c.bad_doc("key_%s_in_%s.json" % (label, "_".join(where) or "top"), d)
    c.bad_doc("notes_too_long.json", set_path(base, ["visit", "notes"], "x" * (64 * 1024 + 1)))
    c.bad_doc("tags_too_many.json", set_path(base, ["fascialTags"], [{"band": "b", "kinds": ["tender"]}] * 2001))

    # 10b. The therapist's layer (format version 2): marks over their limits and odd positions.
    def therapist(doc, marks):
        d = copy.deepcopy(doc)
        d["version"] = 2
        d["marks"] = marks
        return d
    point = {"kind": "trigger-active", "view": "back", "at": [250.0, 300.0]}
    c.bad_doc("marks_too_many.json", therapist(base, [point] * 1001))
    for label, raw in [("nan", b"NaN"), ("1e400", b"1e400"), ("neg", b"-0.5"), ("string", b'"250"'),
                       ("deep", b"[" * 50 + b"]" * 50)]:
        c.bad_file("mark_at_%s.json" % label, with_raw(therapist(base, [point]), ["marks", 0, "at", 0], raw))
    c.bad_doc("mark_label_too_long.json", therapist(base, [dict(point, label="x" * 81)]))
    c.bad_doc("findings_in_version1.json", set_path(base, ["views", "front", "findings"], [[0, 512 * 1024]]))

    # 11. Hostile file names holding bad content.
    c.bad_file(b"name\nwith newline.json", b"{")
    c.bad_file(b"name\x1b[31mred\x1b[0m.json", b"{")
    c.bad_file(b"name\xff\xfe invalid utf8.json", b"{")
    c.bad_file(b"name\x1b]0;title\x07\r.json", dumps(set_path(base, ["version"], 3)))
    c.bad_file("name \u202eevil.json", b"[]")
    c.bad_file(b"-starts-with-dash.json", b"{")

    # 12. Not files, or empty.
    c.bad_file("empty.json", b"")
    c.bad_file("whitespace.json", b" \n\t\r\n")
    c.bad_file("bom_only.json", b"\xef\xbb\xbf")
    c.bad_file("not_json.json", b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 10)
    os.mkfifo(os.path.join(c.bad, "fifo.json"))
    os.mkdir(os.path.join(c.bad, "directory.json"))
    os.symlink("loop_b.json", os.path.join(c.bad, "loop_a.json"))
    os.symlink("loop_a.json", os.path.join(c.bad, "loop_b.json"))
    os.symlink("does-not-exist.json", os.path.join(c.bad, "dangling.json"))
    os.symlink("fifo.json", os.path.join(c.bad, "link_to_fifo.json"))
    os.symlink("/dev/zero", os.path.join(c.bad, "link_to_dev_zero.json"))
    os.symlink("/dev/null", os.path.join(c.bad, "link_to_dev_null.json"))

    # Good files: any text is allowed in these fields; the output must still be escaped.
    c.good_file("base.json", dumps(base))
    c.good_file("base_tagged.json", dumps(tagged))
    for k, t in enumerate(HOSTILE_TEXT):
        # Each text in two of the free fields, in turn; every field gets several.
        for f in [free_text_fields[k % len(free_text_fields)], free_text_fields[(k + 2) % len(free_text_fields)]]:
            c.good_file("text_%s_%d.json" % (fname(f), k), dumps(set_path(tagged, f, t)))
    # Formula-like client ids, for the CSV check.
    for k in [5, 8]:
        c.good_file("formula_client_id_%d.json" % k, dumps(set_path(tagged, ["visit", "clientId"], HOSTILE_TEXT[k])))
    c.good_file("long_notes.json", dumps(set_path(base, ["visit", "notes"], "\x1b[2J" * 16000)))
    # The therapist's layer with hostile labels and notes on every kind of mark, findings on every
    # cell, and the most marks a file may hold.
    def cut(t, n):  # at most n bytes of UTF-8, whole characters
        b = t.encode()[:n]
        return b.decode("utf-8", "ignore")
    kinds = ["trigger-active", "trigger-latent", "tender-point", "adhesion", "radiating", "label"]
    hostile_marks = []
    for k, t in enumerate(HOSTILE_TEXT):
        kind = kinds[k % len(kinds)]
        m = {"kind": kind, "view": "front" if k % 2 else "back", "at": [100.0 + 25 * k, 200.0 + 50 * k],
             "label": cut(t, 80) or "x", "note": t * 20, "by": "client" if k % 3 == 0 else "therapist"}
        if kind in ("adhesion", "radiating"):
            m["to"] = [130.0 + 25 * k, 260.0 + 50 * k]
        hostile_marks.append(m)
    layer = therapist(tagged, hostile_marks)
    layer["session"] = {"subjective": HOSTILE_TEXT[0], "plan": HOSTILE_TEXT[3]}
    for v in ("front", "back"):
        layer["views"][v]["findings"] = [[15, 512 * 1024]]
    c.good_file("therapist_layer_hostile.json", dumps(layer))
    many = [dict(point, at=[float(i % 512), float(i * 7 % 1024)], view="front" if i % 2 else "back")
            for i in range(1000)]
    c.good_file("therapist_marks_1000.json", dumps(therapist(base, many)))
    c.good_file(b"good\nnewline.json", dumps(base))
    c.good_file(b"good\x1b[31mesc.json", dumps(base))
    c.good_file(b"good\xff\xfeinvalid.json", dumps(base))
    c.good_file(b"=cmd|' calc'!A0.json", dumps(base))
    c.good_file(b"good\xc2\x9b31m c1.json", dumps(base))

    bad = len(os.listdir(c.bad))
    good = len(os.listdir(c.good))
    print("bad %d good %d" % (bad, good))


if __name__ == "__main__":
    main()
