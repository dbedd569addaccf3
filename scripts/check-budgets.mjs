// Post-build JavaScript budgets. For each page in dist/, adds up the JavaScript that loads with it:
// inline scripts, module scripts and preloads, every island's component and renderer (as if all
// islands were visible), and everything those files import statically. Dynamic imports (lazy code
// such as the zlib library) are excluded: they load only when used. Sizes are gzip (level 9).
// Prints a table and exits non-zero when a budget is exceeded or lazy-only code loads eagerly.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { builtSite, fileForPath, readPages } from './lib/built-site.mjs';

/** Budgets in gzip bytes, by page (base-relative path). Pages not listed use `default`. */
const budgets = {
  '': { files: 0, total: 1_536, why: 'the catalogue loads no JavaScript files' },
  // 22 KB since the quiz teaches before it tells (hint first, answer on request, a way back from
  // the evidence; 1.4 KB) and the contents mark the section being read (0.4 KB): 19.8 KB before.
  'lessons/flask-session/': { total: 22_528, why: 'lesson page incl. quiz and playground' },
  default: { total: 20_480, why: 'default page budget' },
};

/** Code that must only ever arrive through a dynamic import (pako's inflate/deflate). */
const lazyOnlyMarkers = [
  { name: 'pako (zlib)', pattern: /incorrect header check|invalid distance too far back/ },
];

const { dir, base } = builtSite();
const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

function staticImports(source) {
  const found = [];
  const pattern = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** URL → { file, source } for a script URL on a page, resolved against the page URL. */
function resolveScript(url, from) {
  const absolute = new URL(url, from);
  const file = fileForPath(dir, absolute.pathname.slice(base.length));
  if (!file) throw new Error(`Script ${absolute.pathname} referenced from ${from} was not built.`);
  return { url: absolute.href, file, source: readFileSync(file, 'utf8') };
}

const rows = [];
let failed = false;
for (const page of readPages(dir)) {
  const pageUrl = `http://site${base}${page.urlPath}`;
  const inline = page.root
    .querySelectorAll('script:not([src])')
    .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
    .map((script) => script.textContent);
  const entryUrls = [
    ...page.root.querySelectorAll('script[src]').map((el) => el.getAttribute('src')),
    ...page.root.querySelectorAll('link[rel="modulepreload"]').map((el) => el.getAttribute('href')),
    ...page.root
      .querySelectorAll('astro-island')
      .flatMap((el) =>
        ['component-url', 'renderer-url', 'before-hydration-url'].map((a) => el.getAttribute(a)),
      ),
  ].filter(Boolean);

  const files = new Map();
  const queue = entryUrls.map((url) => resolveScript(url, pageUrl));
  while (queue.length > 0) {
    const script = queue.shift();
    if (files.has(script.url)) continue;
    files.set(script.url, script);
    for (const specifier of staticImports(script.source)) {
      if (specifier.startsWith('.') || specifier.startsWith('/'))
        queue.push(resolveScript(specifier, script.url));
    }
  }

  const inlineBytes = inline.reduce((sum, text) => sum + gzipSize(text), 0);
  const fileBytes = [...files.values()].reduce((sum, script) => sum + gzipSize(script.source), 0);
  const budget = budgets[page.urlPath] ?? budgets.default;
  const problems = [];
  if (inlineBytes + fileBytes > budget.total)
    problems.push(`over the ${budget.total} B budget (${budget.why})`);
  if (budget.files !== undefined && files.size > budget.files) {
    problems.push(`loads ${files.size} JavaScript files; allowed ${budget.files} (${budget.why})`);
  }
  for (const marker of lazyOnlyMarkers) {
    const eager = [...files.values()].find((script) => marker.pattern.test(script.source));
    if (eager)
      problems.push(
        `${marker.name} loads with the page (${eager.file}); it must be imported lazily`,
      );
  }
  if (problems.length > 0) failed = true;
  rows.push({
    page: base + page.urlPath,
    files: files.size,
    inlineBytes,
    fileBytes,
    budget: budget.total,
    problems,
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`JavaScript loaded with each page (gzip), ${dir}/ built for base ${base}:`);
console.log(['page', 'files', 'inline', 'files total', 'total', 'budget', 'status'].join('\t'));
for (const row of rows.sort((a, b) => a.page.localeCompare(b.page))) {
  const total = row.inlineBytes + row.fileBytes;
  const status = row.problems.length === 0 ? 'ok' : `FAIL: ${row.problems.join('; ')}`;
  console.log(
    [
      row.page,
      row.files,
      kb(row.inlineBytes),
      kb(row.fileBytes),
      kb(total),
      kb(row.budget),
      status,
    ].join('\t'),
  );
}
if (failed) process.exit(1);
