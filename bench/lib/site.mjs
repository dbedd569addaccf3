// Facts about this site that the benchmarks share: where the repository is, which pages to
// measure, and how to build it into a throwaway folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, run } from './process.mjs';

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
 * Astro's cache goes to a fresh temp folder (ASTRO_CACHE_DIR) so every build is cold and never
 * reads or writes the developer's `.astro`/`node_modules/.astro` cache; `env` adds or overrides
 * variables (e.g. LESSONS_DIR). Astro runs on the same Node as this script (process.execPath),
 * which under `npm run` is the repository's Node 24.
 */
export async function buildSite({ outDir, env = {}, echo = false }) {
  const cache = makeTempDir('astro-cache');
  try {
    const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
    if (!existsSync(astroBin)) throw new Error(`Astro is not installed (${astroBin}); run npm ci.`);
    const result = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_CACHE_DIR: cache.dir, ...env },
      echo,
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
