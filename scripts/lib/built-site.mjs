// Reading a built site in dist/: its pages, their parsed HTML, and how URLs map to files.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';

/** Where the build is and what base path it was built for (the same env vars astro.config.mjs reads). */
export function builtSite() {
  const dir = process.env.OUT_DIR ?? 'dist';
  const raw = process.env.BASE_PATH ?? '/';
  const base = raw.endsWith('/') ? raw : `${raw}/`;
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}/ (run \`npm run build\` first).`);
  }
  return { dir, base };
}

/** Every HTML file under `dir`, as `{ file, urlPath, html, root }`, urlPath relative to the base. */
export function readPages(dir) {
  return walk(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const rel = relative(dir, file).split(sep).join('/');
      const urlPath = rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1');
      const html = readFileSync(file, 'utf8');
      return { file, urlPath, html, root: parse(html, { comment: false }) };
    });
}

/**
 * The file a base-relative URL path is served from, or undefined when no file would answer it.
 * Directory URLs must end in a slash (the site is built with trailingSlash: 'always').
 */
export function fileForPath(dir, urlPath) {
  const clean = decodeURIComponent(urlPath);
  const candidate =
    clean === '' || clean.endsWith('/') ? join(dir, clean, 'index.html') : join(dir, clean);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
