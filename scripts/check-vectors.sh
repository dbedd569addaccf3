#!/usr/bin/env bash
# Regenerates the vectors made by real Python (Debian's python3-flask, run by /usr/bin/python3)
# into a temporary folder and fails if they differ from the committed ones, so the vectors can
# never silently stop being Flask's and itsdangerous' output:
#   tests/conformance/vectors.json        by tests/conformance/gen_vectors.py (Flask sessions)
#   tests/conformance/guess-vectors.json  by tests/conformance/gen_guess_vectors.py (signatures
#                                         the guessing kernels must find)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/python3 -c 'import flask' 2>/dev/null; then
  echo "check-vectors: /usr/bin/python3 cannot import flask; install python3-flask (apt)." >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for name in vectors guess-vectors; do
  committed="tests/conformance/$name.json"
  generator="tests/conformance/gen_${name//-/_}.py"
  /usr/bin/python3 "$generator" "$tmp/$name.json"
  if ! cmp -s "$tmp/$name.json" "$committed"; then
    echo "check-vectors: $committed differs from what $generator produces now:" >&2
    diff -U1 "$committed" "$tmp/$name.json" | head -n 40 | cut -c1-240 >&2 || true
    echo "check-vectors: if the change is intended, run" >&2
    echo "  /usr/bin/python3 $generator" >&2
    echo "then review and commit the new vectors." >&2
    status=1
  else
    echo "check-vectors: $committed matches real Python."
  fi
done
exit $status
