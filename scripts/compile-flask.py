#!/usr/bin/env python3
"""Precompile the vendored Flask stack for Pyodide: `flask-packages.zip` -> `flask-packages-pyc.zip`.

Run as `/usr/bin/python3 scripts/compile-flask.py [output.zip]` (default:
`vendor/python/flask-packages-pyc.zip`). Every `.py` of `vendor/python/flask-packages.zip` (made
by `scripts/vendor-flask.py`) becomes a `.pyc` beside where it was, so Pyodide's CPython imports
it with `SourcelessFileLoader` instead of compiling the source on every cold start; every other
file (package metadata, licences) is copied as it is.

- The bytecode is CPython 3.11's: the interpreter running this script must have the same
  `importlib.util.MAGIC_NUMBER` as Pyodide 0.25.1's CPython 3.11.3 (every 3.11 release shares
  it; Debian 12's python3 is 3.11.2). `tests/unit/python/runtime.test.ts` checks the zip's
  header against the magic number of the Pyodide that the site serves.
- The `.pyc` files are PEP 552 unchecked-hash pycs (`py_compile.PycInvalidationMode.
  UNCHECKED_HASH`): no source timestamps, so the bytes depend on the sources only. Code objects
  carry the path the module has in Pyodide (`/lib/python3.11/site-packages/...`), as tracebacks
  show it.
- The zip is deterministic (sorted names, fixed dates, fixed compression level), so
  `scripts/check-vectors.sh` can rebuild it and compare with the committed one.
"""

import importlib.util
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # what py_compile writes
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ZIP = ROOT / "vendor" / "python" / "flask-packages.zip"
DEFAULT_OUTPUT = ROOT / "vendor" / "python" / "flask-packages-pyc.zip"
SITE_PACKAGES = "/lib/python3.11/site-packages"
"""Where `src/lib/python/runtime.ts` unpacks the zip in Pyodide's file system."""

PYODIDE_MAGIC = (3495).to_bytes(2, "little") + b"\r\n"
"""`importlib.util.MAGIC_NUMBER` of CPython 3.11 (Lib/importlib/_bootstrap_external.py)."""

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def compiled(path, source):
    """The `.pyc` bytes of one module, as `py_compile.compile` writes an unchecked-hash pyc."""
    code = compile(source, f"{SITE_PACKAGES}/{path}", "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def main(output):
    if importlib.util.MAGIC_NUMBER != PYODIDE_MAGIC:
        sys.exit(f"compile-flask: Python {sys.version.split()[0]} writes bytecode that Pyodide's "
                 "CPython 3.11 cannot load; run this script with a Python 3.11.")
    with zipfile.ZipFile(SOURCE_ZIP) as source, zipfile.ZipFile(
            output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in sorted(source.namelist()):
            data = source.read(name)
            if name.endswith(".py"):
                name, data = name + "c", compiled(name, data)
            entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
