// Weighs a built page from the files alone, without a browser: its HTML, the stylesheets it links
// and the JavaScript it loads at once (script tags, module preloads, island component and renderer
// URLs, and everything those import statically). Dynamic `import()`s are lazy and not counted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Attributes that reference a script the page loads: `<script src>` and Astro island URLs. */
const scriptAttributes = /\b(?:src|component-url|renderer-url|before-hydration-url)="([^"]+)"/g;

/** Static `import … from "x"`, `import "x"`, `export … from "x"` in source or minified code. */
const staticImport = /\b(?:import|export)\b[^"'();=]*?["']([^"']+\.m?js)["']/g;

/**
 * The weight of the page at site path `pagePath` (e.g. `/lessons/x/`) in the build folder
 * `outDir` served under `base`. Returns bytes and gzip bytes (each file gzipped alone at level 6,
 * as a static host sends it) for `html`, `css` and `js`, their sum as `total`, and the lists of
 * files. Throws when the page's HTML file is missing.
 */
export function pageWeight(outDir, pagePath, { base = '/' } = {}) {
  const htmlFile = join(outDir, pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath);
  if (!existsSync(htmlFile)) throw new Error(`No built page at ${pagePath} (${htmlFile}).`);
  const html = readFileSync(htmlFile, 'utf8');
  const toFile = (sitePath) => {
    const path = sitePath.split(/[?#]/)[0];
    if (!path.startsWith(base)) return undefined;
    const file = join(outDir, path.slice(base.length));
    return existsSync(file) ? file : undefined;
  };

  const cssFiles = new Set();
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="stylesheet"/.test(tag)) addIfFile(cssFiles, toFile(href));
  }

  const jsFiles = new Set();
  const queue = [];
  const enqueue = (file) => {
    if (file && file.endsWith('js') && !jsFiles.has(file)) {
      jsFiles.add(file);
      queue.push(file);
    }
  };
  for (const tag of html.match(/<(?:script|astro-island)\b[^>]*>/g) ?? []) {
    for (const [, url] of tag.matchAll(scriptAttributes)) enqueue(toFile(url));
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) enqueue(toFile(href));
  }
  // Inline module scripts may import bundled files by absolute path.
  for (const [, code] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const [, specifier] of code.matchAll(staticImport)) {
      if (specifier.startsWith('/')) enqueue(toFile(specifier));
    }
  }
  while (queue.length > 0) {
    const file = queue.shift();
    const directory = file.slice(0, file.lastIndexOf('/') + 1);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (specifier.startsWith('.')) enqueue(existing(join(directory, specifier)));
      else if (specifier.startsWith('/')) enqueue(toFile(specifier));
    }
  }

  const htmlBytes = Buffer.byteLength(html);
  const weigh = (files) => {
    const list = [...files].map((file) => {
      const content = readFileSync(file);
      return {
        file: file.slice(outDir.length),
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 6 }).length,
      };
    });
    const sum = (key) => list.reduce((total, item) => total + item[key], 0);
    return { bytes: sum('bytes'), gzipBytes: sum('gzipBytes'), files: list };
  };
  const htmlWeight = {
    bytes: htmlBytes,
    gzipBytes: gzipSync(html, { level: 6 }).length,
    files: [{ file: pagePath }],
  };
  const css = weigh(cssFiles);
  const js = weigh(jsFiles);
  return {
    html: htmlWeight,
    css,
    js,
    total: {
      bytes: htmlWeight.bytes + css.bytes + js.bytes,
      gzipBytes: htmlWeight.gzipBytes + css.gzipBytes + js.gzipBytes,
    },
  };
}

function addIfFile(set, file) {
  if (file) set.add(file);
}

function existing(file) {
  return existsSync(file) ? file : undefined;
}
