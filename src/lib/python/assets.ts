/**
 * Where the Python runtime's files live in the built site, and which versions they are. Imports
 * nothing, so a page can name the versions without loading the runtime.
 *
 * Pyodide is pinned to 0.25.1 (CPython 3.11.3) on purpose: it is the same Python minor version as
 * Debian 12, whose Flask 2.2.2 / Werkzeug 2.2.2 we vendor, so it accepts and rejects the same
 * programs as the server would (newer Pyodide on Python 3.12+ accepts f-strings that 3.11 calls a
 * SyntaxError). Pyodide 314.x (Python 3.14) cannot run that Werkzeug at all: Python 3.14 removed
 * `ast.Str`, which `werkzeug.routing.rules` uses, so `Flask(__name__)` raises AttributeError.
 * `package.json` pins the exact npm version; the integration checks it matches this constant.
 */
export const PYODIDE_VERSION = '0.25.1';

/** The CPython version inside that Pyodide (its lock file's `info.python`). */
export const PYTHON_VERSION = '3.11.3';

/** The Flask, Werkzeug and itsdangerous versions inside `vendor/python/flask-packages.zip`. */
export const FLASK_VERSION = '2.2.2';

/** Folder of the runtime under the site's base path; versioned so a new Pyodide is a new URL. */
export const PYTHON_ASSET_DIR = `python/pyodide-${PYODIDE_VERSION}/`;

/** Files copied from the `pyodide` npm package, served as they are. */
export const PYODIDE_FILES = [
  'pyodide.js',
  'pyodide.asm.js',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
] as const;

/** A lock file with Pyodide's `info` and no packages: nothing is ever fetched from a package index. */
export const LOCK_FILE = 'pyodide-lock.json';

/** `{ file name: bytes }` of every file the worker downloads, for its progress bar. */
export const FILE_SIZES = 'file-sizes.json';

/**
 * The vendored Flask stack as the worker downloads it: `vendor/python/flask-packages.zip` (made by
 * `scripts/vendor-flask.py`) with every module precompiled to CPython 3.11 bytecode by
 * `scripts/compile-flask.py`, so a cold start does not compile Flask's source.
 */
export const FLASK_ZIP = 'flask-packages-pyc.zip';

/** The runtime folder's URL for a site base path such as `/` or `/lessons-site/`. */
export function pythonAssetBase(base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${PYTHON_ASSET_DIR}`;
}
