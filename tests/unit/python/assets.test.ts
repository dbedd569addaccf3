/** The versions the page names are the versions that run. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import {
  FLASK_VERSION,
  PYODIDE_VERSION,
  PYTHON_VERSION,
  pythonAssetBase,
} from '../../../src/lib/python/assets.ts';

const require = createRequire(import.meta.url);

test('the pinned Pyodide is the installed one, with the Python it names', () => {
  const pkg = require('pyodide/package.json') as { version: string };
  const lock = require('pyodide/pyodide-lock.json') as {
    info: { python: string; version: string };
  };
  expect([pkg.version, lock.info.version, lock.info.python]).toEqual([
    PYODIDE_VERSION,
    PYODIDE_VERSION,
    PYTHON_VERSION,
  ]);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    dependencies: Record<string, string>;
  };
  expect(manifest.dependencies['pyodide']).toBe(PYODIDE_VERSION);
});

test('the vendored zip holds the Flask, Werkzeug and itsdangerous versions the page names', () => {
  const vendored = JSON.parse(readFileSync('vendor/python/flask-packages.json', 'utf8')) as {
    packages: { distributions: string[] }[];
  };
  const distributions = vendored.packages.flatMap((entry) => entry.distributions);
  expect(distributions).toEqual(
    expect.arrayContaining([
      `Flask-${FLASK_VERSION}`,
      `Werkzeug-${FLASK_VERSION}`,
      'itsdangerous-2.1.2',
    ]),
  );
});

test('the runtime folder sits under the base path', () => {
  expect(pythonAssetBase('/')).toBe(`/python/pyodide-${PYODIDE_VERSION}/`);
  expect(pythonAssetBase('/lessons-site')).toBe(`/lessons-site/python/pyodide-${PYODIDE_VERSION}/`);
});
