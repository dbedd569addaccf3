// Facts about this site that the benchmarks share: where the repository is, which pages to
// measure, and how to build it into a throwaway folder.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, onCleanup, run } from './process.mjs';
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
  const restoreDotAstro = preserveDotAstro();
  try {
    const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
    if (!existsSync(astroBin)) throw new Error(`Astro is not installed (${astroBin}); run npm ci.`);
    const result = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_CACHE_DIR: cache.dir, ...env },
    });
    return result.durationMs;
  } finally {
    restoreDotAstro();
    cache.remove();
  }
}

/**
 * Saves the repository's generated `.astro/` folder (types and the content module map) and returns
 * a function that puts it back. A build with another LESSONS_DIR rewrites that folder to point at
 * the temp lessons, which are deleted afterwards; without the restore, `astro check` and editors
 * would see those until the next `astro sync`. Also restored if the script is interrupted.
 */
function preserveDotAstro() {
  const dotAstro = join(repoRoot, '.astro');
  const existed = existsSync(dotAstro);
  const backup = makeTempDir('dot-astro');
  if (existed) cpSync(dotAstro, backup.dir, { recursive: true });
  return onCleanup(() => {
    rmSync(dotAstro, { recursive: true, force: true });
    if (existed) cpSync(backup.dir, dotAstro, { recursive: true });
    backup.remove();
  });
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
 * Times cold builds of several targets (`[{ label, build }]`, where `build()` starts from a clean
 * state, with no output and no build cache, and resolves with its wall time in ms). Each target
 * is built once unmeasured, then `count` rounds each build every target once, in turn, so a burst
 * of other work on the machine hits all targets alike instead of whichever ran at that moment.
 *
 * Returns one entry per target, in order: `{ buildMs, medianMs, buildsMs, warmUpMs }` (fastest,
 * median, every measured time, warm-up time), or `{ error }` when a build of it failed (it is then
 * left out of later rounds).
 *
 * The fastest run is the headline figure: other work on a shared machine only ever adds time, so
 * the minimum is the closest to the build's own cost; the median and every value show the spread.
 * The warm-up fills what a developer's machine has warm anyway and what no build clears: the OS
 * file cache for node_modules and Vite's dependency pre-bundle (node_modules/.vite, keyed by the
 * lockfile). Without it the first build after an install pays for reading all that from disk.
 */
export async function coldBuildRounds(targets, count) {
  const results = targets.map(() => ({ buildsMs: [] }));
  const attempt = async (index, label) => {
    if (results[index].error) return undefined;
    process.stdout.write(`${label} … `);
    try {
      const ms = await targets[index].build();
      console.log(duration(ms));
      return ms;
    } catch (error) {
      console.log('failed');
      results[index].error = error;
      return undefined;
    }
  };
  for (const [index, target] of targets.entries()) {
    results[index].warmUpMs = await attempt(index, `Warm-up build of ${target.label}`);
  }
  for (let round = 1; round <= count; round++) {
    for (const [index, target] of targets.entries()) {
      const ms = await attempt(index, `Cold build ${round}/${count} of ${target.label}`);
      if (ms !== undefined) results[index].buildsMs.push(ms);
    }
  }
  return results.map((result) =>
    result.error
      ? { error: result.error }
      : {
          buildMs: Math.min(...result.buildsMs),
          medianMs: median(result.buildsMs),
          buildsMs: result.buildsMs,
          warmUpMs: result.warmUpMs,
        },
  );
}
