#!/usr/bin/env python3
"""Writes the names a person reads in the body templates (template name, view labels, region,
fascial band names) as a gettext .pot, under the contexts maps/i18n/i18n.h names, so
scripts/i18n can merge them with the strings xgettext finds in the code.
Usage: template_strings.py TEMPLATE.json... > template.pot"""
import json
import sys


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main(paths):
    entries = {}  # (context, msgid) -> list of references

    def add(ctx, msgid, ref):
        if msgid:
            entries.setdefault((ctx, msgid), []).append(ref)

    for path in paths:
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        add("template", t.get("name", ""), path)
        for v in t.get("views", []):
            add("body view", v.get("label", ""), path)
            for r in v.get("regions", []):
                add("body region", r.get("name", ""), path)
            for b in v.get("fascialBands", []):
                add("fascial band", b.get("name", ""), path)
    out = sys.stdout
    out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    for (ctx, msgid), refs in sorted(entries.items()):
        out.write("#: %s\n" % refs[0])
        out.write("msgctxt %s\nmsgid %s\nmsgstr \"\"\n\n" % (quote(ctx), quote(msgid)))


if __name__ == "__main__":
    main(sys.argv[1:])
