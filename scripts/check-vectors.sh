#!/usr/bin/env bash
# Regenerates the files of expected values made by real Python and Flask (Debian's python3-flask,
# run by /usr/bin/python3) into a temporary folder and fails if they differ from the committed
# ones, so they can never silently stop being Flask's output:
#   tests/conformance/vectors.json          the session engine's vectors (gen_vectors.py)
#   tests/conformance/inspector-cases.json  the cookie inspector's inputs (gen_inspector_cases.py)
#   tests/conformance/mode-figures.json     the lesson modes' figures (gen_mode_figures.py)
#   tests/conformance/guess-vectors.json    signatures the guessing kernels must find, made by
#                                           itsdangerous (gen_guess_vectors.py)
# and rebuilds vendor/python/flask-packages-pyc.zip, the vendored Flask compiled to CPython 3.11
# bytecode (scripts/compile-flask.py), which must come out byte for byte the same.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/python3 -c 'import flask' 2>/dev/null; then
  echo "check-vectors: /usr/bin/python3 cannot import flask; install python3-flask (apt)." >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for pair in gen_vectors.py:vectors.json gen_inspector_cases.py:inspector-cases.json \
  gen_mode_figures.py:mode-figures.json gen_guess_vectors.py:guess-vectors.json; do
  generator="tests/conformance/${pair%%:*}"
  committed="tests/conformance/${pair##*:}"
  /usr/bin/python3 "$generator" "$tmp/${pair##*:}"
  if ! cmp -s "$tmp/${pair##*:}" "$committed"; then
    echo "check-vectors: $committed differs from what real Flask produces now:" >&2
    diff -U1 "$committed" "$tmp/${pair##*:}" | head -n 40 | cut -c1-240 >&2 || true
    echo "check-vectors: if the change is intended, run" >&2
    echo "  /usr/bin/python3 $generator" >&2
    echo "then review and commit the new file." >&2
    status=1
  else
    echo "check-vectors: $committed matches real Flask."
  fi
done
/usr/bin/python3 scripts/compile-flask.py "$tmp/flask-packages-pyc.zip"
if ! cmp -s "$tmp/flask-packages-pyc.zip" vendor/python/flask-packages-pyc.zip; then
  echo "check-vectors: vendor/python/flask-packages-pyc.zip differs from what" >&2
  echo "  /usr/bin/python3 scripts/compile-flask.py makes from flask-packages.zip now; rerun it" >&2
  echo "  and commit the new zip." >&2
  status=1
else
  echo "check-vectors: vendor/python/flask-packages-pyc.zip matches its compiled sources."
fi
exit "$status"
