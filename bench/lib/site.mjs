// Facts about this site that the benchmarks share: where the repository is, which pages to
// measure, and how to build it into a throwaway folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, run } from './process.mjs';
import { duration, median } from './format.mjs';

/** Absolute path of the repository root (this file is bench/lib/site.mjs). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The pages the benchmarks measure, as paths under the site's base. The one list to edit when a
 * page is added: a listed page that the build does not produce is skipped with a warning in the
 * results, so pages can be listed before they exist.
 */
export const SITE_PAGES = [
  { name: 'catalogue', path: '/' },
  { name: 'lesson', path: '/lessons/flask-session/' },
  { name: 'inspector', path: '/tools/cookie-inspector/' },
];

/** The lesson every benchmark uses as its reference content (file in content/lessons/). */
export const REFERENCE_LESSON = {
  file: join(repoRoot, 'content/lessons/flask-session.mdx'),
  path: '/lessons/flask-session/',
};

/**
 * Builds the site with `astro build` into `outDir` and resolves with the wall time in ms.
 *
 * Astro's cache goes to a fresh temp folder (ASTRO_CACHE_DIR), so every build is cold and the
 * developer's cache (node_modules/.astro, with the content data store) is neither read nor
 * changed. `env` adds or overrides variables (e.g. LESSONS_DIR); an `undefined` value removes one.
 * Astro runs on the same Node as this script (process.execPath), which under `npm run` is the
 * repository's Node 24.
 */
export async function buildSite({ outDir, env = {} }) {
  const cache = makeTempDir('astro-cache');
  try {
    const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
    if (!existsSync(astroBin)) throw new Error(`Astro is not installed (${astroBin}); run npm ci.`);
    const result = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_CACHE_DIR: cache.dir, ...env },
    });
    return result.durationMs;
  } finally {
    cache.remove();
  }
}

/** The site's base path from BASE_PATH, normalised to start and end with `/` (default `/`). */
export function basePath(value = process.env.BASE_PATH) {
  if (!value) return '/';
  return `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Cold builds per measurement, from BENCH_BUILDS (default 3). */
export function buildCount() {
  const count = Number(process.env.BENCH_BUILDS ?? 3);
  if (!Number.isInteger(count) || count < 1)
    throw new Error('BENCH_BUILDS must be a whole number >= 1.');
  return count;
}

/**
 * Runs `build` `count` times and returns `{ buildMs, buildsMs }`: the median wall time and every
 * one. `build` must start from a clean state (no output, no cache) and resolve with its wall time
 * in ms. Single builds vary a lot on a shared machine, hence the repeats.
 */
export async function coldBuilds(label, count, build) {
  const buildsMs = [];
  for (let i = 1; i <= count; i++) {
    process.stdout.write(`Cold build ${i}/${count} of ${label} … `);
    buildsMs.push(await build());
    console.log(duration(buildsMs.at(-1)));
  }
  return { buildMs: median(buildsMs), buildsMs };
}
