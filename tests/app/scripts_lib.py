#!/usr/bin/env python3
"""Writes a client library whose clients are named in eight scripts (the GUI scripts tests).
usage: scripts_lib.py EXAMPLES_DIR OUT_DIR"""
import json, os, shutil, sys

NAMES = [
    ("wang", "王小明"), ("yamada", "山田花子"), ("kim", "김민준"), ("mohammed", "محمد العلي"),
    ("david", "דוד כהן"), ("rahul", "राहुल शर्मा"), ("somchai", "สมชาย ใจดี"), ("ana", "Ana 😀"),
]
NOTES = ("痛みは朝に強い。王医生复诊。\n통증이 줄었다\nيشعر بألم في الظهر\nכאב בגב התחתון\n"
         "कमर में दर्द\nปวดหลังตอนเช้า\nbetter 😀👍")

def main():
    src, out = sys.argv[1], sys.argv[2]
    demo = os.path.join(src, "demo-anna")
    visit = sorted(f for f in os.listdir(demo) if f != "client.json")[-1]
    for cid, name in NAMES:
        d = os.path.join(out, cid)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "client.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "bodymap-client", "version": 1, "id": cid, "name": name}, f, ensure_ascii=False)
        with open(os.path.join(demo, visit), encoding="utf-8") as f:
            v = json.load(f)
        v["visit"]["clientId"] = cid
        v["visit"]["clientName"] = name
        v["visit"]["therapist"] = "د. سارة" if cid == "mohammed" else "李娜"
        v["visit"]["notes"] = NOTES
        with open(os.path.join(d, visit), "w", encoding="utf-8") as f:
            json.dump(v, f, ensure_ascii=False, indent=2)

if __name__ == "__main__":
    main()
