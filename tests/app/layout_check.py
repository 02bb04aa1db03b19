#!/usr/bin/python3
"""Checks the rectangles a BodyMap window logged (BODYMAP_TEST_LOG lines "rect LABEL X Y W H")
for a layout test: every named item is there, inside the window, at least MIN px wide and high,
and no two overlap. A label written LABEL<CONTAINER must also lie inside the rectangle logged
as CONTAINER (a button not cut off by its panel); containers are not checked for overlap with
what they contain. Usage: layout_check.py LOG WIDTH HEIGHT MIN LABEL... ; exit 1 with the
reasons when a check fails."""
import sys


def main():
    log, width, height, minimum = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    labels, within = [], {}
    for arg in sys.argv[5:]:
        label, _, container = arg.partition("<")
        labels.append(label)
        if container:
            within[label] = container
    rects = {}
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 6 and parts[0] == "rect":
                label = " ".join(parts[1:-4])
                rects[label] = tuple(int(v) for v in parts[-4:])
    problems = []
    for label in labels:
        if label not in rects:
            problems.append(f"{label}: not drawn")
            continue
        x, y, w, h = rects[label]
        if x < 0 or y < 0 or x + w > width or y + h > height:
            problems.append(f"{label}: {w}x{h} at {x},{y} is not inside the {width}x{height} window")
        if w < minimum or h < minimum:
            problems.append(f"{label}: {w}x{h} is smaller than {minimum}x{minimum}")
    for label, container in within.items():
        if label in rects and container in rects:
            x, y, w, h = rects[label]
            cx, cy, cw, ch = rects[container]
            if x < cx or y < cy or x + w > cx + cw or y + h > cy + ch:
                problems.append(f"{label}: {w}x{h} at {x},{y} is cut off by {container} ({cw}x{ch} at {cx},{cy})")
    shown = [l for l in labels if l in rects]
    for i, a in enumerate(shown):
        ax, ay, aw, ah = rects[a]
        for b in shown[i + 1:]:
            if within.get(a) == b or within.get(b) == a:
                continue
            bx, by, bw, bh = rects[b]
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                problems.append(f"{a} ({aw}x{ah} at {ax},{ay}) overlaps {b} ({bw}x{bh} at {bx},{by})")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
