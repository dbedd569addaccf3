/** Boots the Flask runtime in Node for tests: Pyodide from the npm package, no network. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadPyodide } from 'pyodide';
import { FLASK_ZIP } from '../../../src/lib/python/assets.ts';
import { startFlaskRuntime, type FlaskRuntime } from '../../../src/lib/python/runtime.ts';

export async function bootFlaskRuntimeInNode(): Promise<FlaskRuntime> {
  const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  const zip = await readFile(new URL(`../../../vendor/python/${FLASK_ZIP}`, import.meta.url));
  return startFlaskRuntime(pyodide, new Uint8Array(zip));
}
