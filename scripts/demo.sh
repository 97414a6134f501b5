#!/usr/bin/env bash
# Runs Docsort's main job on the shipped demo: learn the library's categories, train, then sort
# the inbox. Works on a copy in a temporary folder, so the repository is never changed.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d -t docsort-demo-XXXXXX)"
cp -r resources/demo/library resources/demo/inbox "$work/"
docsort() { node bin/docsort.js --data-dir "$work/data" "$@"; }

echo "Demo folder: $work"
echo
echo "== docsort learn $work/library"
docsort learn "$work/library"
echo
echo "== docsort train"
docsort train
echo
echo "== docsort sort $work/inbox --apply"
docsort sort "$work/inbox" --apply
echo
echo "Files left in the inbox: $(ls "$work/inbox" | wc -l). Undo with:"
echo "  node bin/docsort.js --data-dir $work/data undo"
