#!/usr/bin/env bash
# Checks the layer and feature rules of docs/architecture.md ("Layers", "Features stand alone")
# over the source text and fails on any break of them:
#   - an #include "…" whose file lies in a higher layer, or sideways in another library of the
#     same layer (lib/pii and lib/wanneer, matrix/ and config/);
#   - an #include "…" with "..": a relative path can reach any folder, so none is allowed;
#   - a feature (commands/<f>/, storage/<f>/) that includes another feature's headers, or core
#     code (commands/*, storage/*) that includes a feature's;
#   - SQL text outside storage/ (all SQL is behind storage classes), and SQL in storage/ that
#     names a table another feature (or, for a feature, the core) owns; a table belongs to the
#     folder whose migration creates it.
# The build enforces the include rules too (cmake/layers.cmake); this script also names every
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
    ("crypto",),  # end-to-end encryption state; its tables are in storage/crypto/
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


def feature_of(rel):
    """The feature a path belongs to ("casus" for commands/casus/… and storage/casus/…), "" for
    the core of commands/ and storage/, None elsewhere."""
    parts = rel.split("/")
    if parts[0] not in ("commands", "storage"):
        return None
    return parts[1] if len(parts) > 2 else ""


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
breaks = []
sources = sorted({p for d in CHECKED for p in (repo / d).rglob("*")
                  if p.suffix in (".cpp", ".hpp", ".h") and p.is_file()})
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
        mine, theirs = feature_of(rel), feature_of(resolved)
        if mine is not None and theirs and theirs != mine:
            who = f"feature {mine}" if mine else "the core"
            breaks.append(f"{rel}:{line}: {who} includes \"{target}\" of feature {theirs}: use "
                          "an interface the core offers in Services")

# Tables and their owners: the folder whose migration creates them.
CREATE = re.compile(r'CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)')
owner = {}
for path in sorted((repo / "storage").rglob("*.cpp")):
    rel = path.relative_to(repo).as_posix()
    for m in CREATE.finditer(path.read_text(encoding="utf-8", errors="replace")):
        owner[m.group(1)] = feature_of(rel)

# SQL text: a string literal that starts with an SQL statement.
SQL_START = re.compile(r'(?:"|R"\w*\()\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|REPLACE|WITH)\b')
SQL_NAMES = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|EXISTS)\s+(\w+)'
                       r"|\bname\s*=\s*'(\w+)'")
for path in sources:
    rel = path.relative_to(repo).as_posix()
    text = path.read_text(encoding="utf-8", errors="replace")
    mine = feature_of(rel)
    for m in SQL_START.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if not rel.startswith("storage/"):
            breaks.append(f"{rel}:{line}: SQL outside storage/ ({m.group(1)} …): put it behind "
                          "a storage class")
    if mine is None or not rel.startswith("storage/"):
        continue
    for m in SQL_NAMES.finditer(text):
        table = m.group(1) or m.group(2)
        if (table == "sqlite_master" and mine) or table in owner and owner[table] != mine:
            line = text.count("\n", 0, m.start()) + 1
            whose = "SQLite's catalogue" if table == "sqlite_master" else (
                f"feature {owner[table]}" if owner[table] else "the core")
            who = f"feature {mine}" if mine else "the core"
            breaks.append(f"{rel}:{line}: {who} names table {table} of {whose}")

for b in breaks:
    print(b)
print(f"check-layers: {len(sources)} files, {len(owner)} tables, {len(breaks)} breaks of the "
      "layer and feature rules")
sys.exit(1 if breaks else 0)
PY
