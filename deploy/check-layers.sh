#!/usr/bin/env bash
# Checks the layer rule of docs/architecture.md ("Layers") over the source text and fails on any
# break of it:
#   - an #include "…" whose file lies in a higher layer, or sideways in another library of the
#     same layer (lib/pii and lib/wanneer, matrix/ and config/);
#   - an #include "…" with "..": a relative path can reach any folder, so none is allowed.
# The build enforces the first rule too (cmake/layers.cmake); this script also names every
# break at once and runs without a build. Usage: deploy/check-layers.sh [REPO_DIR]
# Exits 0 when the tree keeps the rules, 1 with one line per break otherwise.
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
exec /usr/bin/python3 - "$repo" <<'PY'
import pathlib
import re
import sys

repo = pathlib.Path(sys.argv[1])

# Layers, lowest first. A file may include its own layer's files and any lower layer's; a layer
# with several libraries (a tuple) keeps them apart.
LAYERS = [
    ("common",),
    ("lib/wanneer", "lib/pii"),
    ("matrix", "config"),
    ("storage",),
    ("commands",),
    ("bot/engine",),
    ("bot/net",),
    ("bot",),  # main, the list of features, the offline tools
]
CHECKED = [d for layer in LAYERS for d in layer]


def library_of(rel):
    """(layer index, library folder) of a repository-relative path, or None outside the layers."""
    best = None
    for index, layer in enumerate(LAYERS):
        for lib in layer:
            if rel == lib or rel.startswith(lib + "/"):
                if best is None or len(lib) > len(best[1]):
                    best = (index, lib)
    return best


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
breaks = []
sources = sorted(p for d in CHECKED for p in (repo / d).rglob("*")
                 if p.suffix in (".cpp", ".hpp", ".h") and p.is_file())
for path in sources:
    rel = path.relative_to(repo).as_posix()
    own = library_of(rel)
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in INCLUDE.finditer(text):
        target = m.group(1)
        line = text.count("\n", 0, m.start()) + 1
        if ".." in pathlib.PurePosixPath(target).parts:
            breaks.append(f"{rel}:{line}: relative include \"{target}\": name it from the "
                          "repository root")
            continue
        # The compiler looks next to the including file first, then at the repository root.
        beside = (path.parent / target)
        resolved = beside.relative_to(repo).as_posix() if beside.is_file() else target
        other = library_of(resolved)
        if other is None or own is None:
            continue
        if other[0] > own[0]:
            breaks.append(f"{rel}:{line}: includes \"{target}\" of a higher layer ({other[1]}/ "
                          f"is above {own[1]}/)")
        elif other[0] == own[0] and other[1] != own[1] and not own[1].startswith(other[1] + "/") \
                and not other[1].startswith(own[1] + "/"):
            breaks.append(f"{rel}:{line}: includes \"{target}\" sideways ({other[1]}/ and "
                          f"{own[1]}/ are separate libraries of one layer)")

for b in breaks:
    print(b)
print(f"check-layers: {len(sources)} files, {len(breaks)} breaks of the layer rule")
sys.exit(1 if breaks else 0)
PY
