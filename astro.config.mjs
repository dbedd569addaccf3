// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { crawlFiles } from './src/integrations/crawl-files.ts';
import { preloadOnlyNew } from './src/integrations/preload-only-new.ts';
import { pythonRuntime } from './src/integrations/python-runtime.ts';

/** The pre-paint theme script is inlined verbatim by the layout; the CSP must allow exactly it. */
const themeInit = readFileSync(new URL('./src/scripts/theme-init.js', import.meta.url), 'utf8');
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

/**
 * Astro inlines a page's processed `<script>` (and covers it by the CSP hash) only when its bundle
 * imports no other chunk. A module that a script shares with an island or with another script,
 * such as the progress reader used by the quiz, the catalogue and the mode pages, would become a
 * shared chunk and turn the script into a separate file. So at build time, modules under `src/`
 * that a script imports (directly or not) resolve to a copy of their own for that script: the
 * same source, bundled once for islands and once for each script.
 * @returns {import('vite').Plugin}
 */
function scriptsOwnTheirImports() {
  const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
  const copy = '?script-copy=';
  return {
    name: 'scripts-own-their-imports',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const owner = importer.includes('?astro&type=script')
        ? createHash('sha256').update(importer).digest('hex').slice(0, 12)
        : importer.split(copy)[1];
      if (owner === undefined) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(srcDir)) return resolved;
      return { ...resolved, id: resolved.id + copy + owner };
    },
  };
}

/**
 * Drops two build warnings that a newcomer cannot act on; every other log is printed.
 * - `MODULE_LEVEL_DIRECTIVE` for `"use astro:head-inject"`: Astro marks each MDX entry's style
 *   collector with this directive and reads it before bundling; the bundler then warns that the
 *   directive may not survive bundling, which is harmless (withastro/astro#18087).
 * - `PLUGIN_TIMINGS`: the bundler's note that JavaScript plugins (Astro's and Vite's own) took much
 *   of a build, printed or not depending on how busy the machine is.
 * @returns {import('vite').Plugin}
 */
function dropHarmlessBuildWarnings() {
  return {
    name: 'drop-harmless-build-warnings',
    apply: 'build',
    onLog(_level, log) {
      const headInject =
        log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject');
      // false drops the log; true passes it on.
      return !(headInject || log.code === 'PLUGIN_TIMINGS');
    },
  };
}

export default defineConfig({
  // SITE_URL and BASE_PATH describe where the built files will be served (see README, "Deploy").
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  // Pages are built as folders and every link ends in a slash; 'ignore' lets `astro preview` (and
  // so `npm start`) also serve `/lessons/flask-session` instead of a bare 404. Static hosts
  // redirect such addresses themselves, and the 404 page suggests the page that was meant.
  trailingSlash: 'ignore',
  // Tests that build throwaway content point this elsewhere so they never touch the real cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  integrations: [mdx(), preact(), crawlFiles(), pythonRuntime()],
  // Lesson prose has no fenced code; the code sample is highlighted by `src/lib/highlight.ts` with
  // classes, which the CSP allows. Astro's own highlighter (Shiki with inline styles, which the CSP
  // would block) is therefore off, and Astro no longer warns about it.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [scriptsOwnTheirImports(), dropHarmlessBuildWarnings(), preloadOnlyNew()],
  },
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { hashes: [/** @type {`sha256-${string}`} */ (themeInitHash)] },
    },
  },
});
