#!/usr/bin/env bash
# Regenerates the conformance vectors with real Flask (Debian's python3-flask, run by
# /usr/bin/python3) into a temporary folder and fails if they differ from the committed
# tests/conformance/vectors.json (and the modes' figures into tests/conformance/mode-figures.json),
# so neither can silently stop being Flask's output.
set -euo pipefail
cd "$(dirname "$0")/.."

committed=tests/conformance/vectors.json
if ! /usr/bin/python3 -c 'import flask' 2>/dev/null; then
  echo "check-vectors: /usr/bin/python3 cannot import flask; install python3-flask (apt)." >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 tests/conformance/gen_vectors.py "$tmp/vectors.json"

if ! cmp -s "$tmp/vectors.json" "$committed"; then
  echo "check-vectors: $committed differs from what real Flask produces now:" >&2
  diff -U1 "$committed" "$tmp/vectors.json" | head -n 40 | cut -c1-240 >&2 || true
  echo "check-vectors: if the change is intended, run" >&2
  echo "  /usr/bin/python3 tests/conformance/gen_vectors.py" >&2
  echo "then review and commit the new vectors." >&2
  exit 1
fi
echo "check-vectors: $committed matches real Flask."

figures=tests/conformance/mode-figures.json
/usr/bin/python3 tests/conformance/gen_mode_figures.py "$tmp/mode-figures.json"
if ! cmp -s "$tmp/mode-figures.json" "$figures"; then
  echo "check-vectors: $figures differs from what real Flask produces now:" >&2
  diff -U1 "$figures" "$tmp/mode-figures.json" | head -n 40 | cut -c1-240 >&2 || true
  echo "check-vectors: if the change is intended, run" >&2
  echo "  /usr/bin/python3 tests/conformance/gen_mode_figures.py" >&2
  echo "then review and commit the new figures." >&2
  exit 1
fi
echo "check-vectors: $figures matches real Flask."
