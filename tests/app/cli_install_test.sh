# `cmake --install` puts the binary, templates, examples, the desktop entry and the icon in the
# prefix, and the installed binary works from any folder (it looks in <prefix>/share/bodymap).
source "$(dirname "$0")/lib.sh"
BUILD="$(cd "$(dirname "$BODYMAP")/.." && pwd)"
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null || fail "cmake --install failed"
[ -f "$WORK/prefix/share/applications/bodymap.desktop" ] || fail "no .desktop entry installed"
[ -f "$WORK/prefix/share/icons/hicolor/scalable/apps/bodymap.svg" ] || fail "no icon installed"
[ -f "$WORK/prefix/share/bodymap/templates/adult_neutral.json" ] || fail "no template installed"
# Move the prefix and run from /: the binary finds share/bodymap next to its own folder.
mv "$WORK/prefix" "$WORK/moved"
(cd / && "$WORK/moved/bin/bodymap" render --blank -o "$WORK/blank.png" >/dev/null) || fail "installed binary cannot render"
[ -s "$WORK/blank.png" ] || fail "no PNG from the installed binary"
(cd / && "$WORK/moved/bin/bodymap" validate "$WORK/moved/share/bodymap/examples/demo-anna/2026-09-07T09-30-00.json" >/dev/null) \
  || fail "installed examples do not validate"
pass "installed copy runs from its own prefix"
