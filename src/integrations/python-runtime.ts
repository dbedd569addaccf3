import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  FILE_SIZES,
  FLASK_ZIP,
  LOCK_FILE,
  PYODIDE_FILES,
  PYODIDE_VERSION,
  PYTHON_ASSET_DIR,
} from '../lib/python/assets.ts';

const FLASK_ZIP_PATH = fileURLToPath(new URL(`../../vendor/python/${FLASK_ZIP}`, import.meta.url));

/** The folder of the installed `pyodide` npm package. */
function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/**
 * The runtime's files by name: Pyodide's from its npm package, a lock file with Pyodide's `info`
 * and no packages, the vendored Flask zip, and the sizes of all of those (for a progress bar). Fails when the installed Pyodide is not the pinned
 * one, so a dependency bump cannot silently ship a Python that Flask 2.2 does not run on.
 */
export async function pythonRuntimeFiles(): Promise<Map<string, () => Promise<Uint8Array>>> {
  const dir = pyodideDir();
  const installed = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  if (installed.version !== PYODIDE_VERSION) {
    throw new Error(
      `pyodide ${installed.version} is installed but the site is pinned to ${PYODIDE_VERSION} ` +
        '(src/lib/python/assets.ts says why); run npm ci.',
    );
  }
  const lock = JSON.parse(await readFile(join(dir, 'pyodide-lock.json'), 'utf8')) as {
    info: unknown;
  };
  const files = new Map<string, () => Promise<Uint8Array>>();
  for (const name of PYODIDE_FILES) files.set(name, () => readFile(join(dir, name)));
  files.set(LOCK_FILE, () =>
    Promise.resolve(new TextEncoder().encode(JSON.stringify({ info: lock.info, packages: {} }))),
  );
  files.set(FLASK_ZIP, () => readFile(FLASK_ZIP_PATH));
  const downloads = [...files];
  files.set(FILE_SIZES, async () => {
    const sizes: Record<string, number> = {};
    for (const [name, read] of downloads) sizes[name] = (await read()).byteLength;
    return new TextEncoder().encode(JSON.stringify(sizes));
  });
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

/**
 * Serves the Python runtime (Pyodide and the vendored Flask) from the site's own origin, under
 * `<base>python/pyodide-<version>/`: copied into the build output, and answered by the dev server.
 * No page loads these files; the "Run on real Flask" worker fetches them on demand.
 */
export function pythonRuntime(): AstroIntegration {
  let base = '/';
  return {
    name: 'lesson-site:python-runtime',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': async ({ server }) => {
        const files = await pythonRuntimeFiles();
        const prefix = `${base}${PYTHON_ASSET_DIR}`;
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0] ?? '';
          const read = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
          if (read === undefined) {
            next();
            return;
          }
          read().then(
            (bytes) => {
              const type = CONTENT_TYPES[path.slice(path.lastIndexOf('.'))];
              response.setHeader('Content-Type', type ?? 'application/octet-stream');
              response.end(bytes);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        const target = new URL(PYTHON_ASSET_DIR, dir);
        await mkdir(target, { recursive: true });
        for (const [name, read] of await pythonRuntimeFiles()) {
          await writeFile(new URL(name, target), await read());
        }
      },
    },
  };
}
