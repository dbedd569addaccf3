// Post-build link check: every internal link, asset and #anchor in dist/ must resolve, and every
// internal URL must sit under the base path the site was built for (BASE_PATH), so the site works
// when hosted under a sub-path. Exits non-zero with one line per broken link.
import { builtSite, fileForPath, readPages } from './lib/built-site.mjs';

const { dir, base } = builtSite();
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321');
const pages = readPages(dir);
const idsByFile = new Map(
  pages.map((page) => [page.file, new Set(page.root.querySelectorAll('[id]').map((el) => el.id))]),
);

/** Attributes that hold URLs the browser will follow or fetch. */
const urlAttributes = [
  'href',
  'src',
  'component-url',
  'renderer-url',
  'before-hydration-url',
  'content',
];
const problems = [];
let checked = 0;

for (const page of pages) {
  const pageUrl = new URL(base + page.urlPath, site);
  for (const element of page.root.querySelectorAll('*')) {
    for (const attribute of urlAttributes) {
      const value = element.getAttribute(attribute);
      if (value === undefined || value === '') continue;
      if (
        attribute === 'content' &&
        !/^(og:url|og:image)$/.test(element.getAttribute('property') ?? '')
      )
        continue;
      checked++;
      const problem = checkUrl(value, pageUrl, page.file);
      if (problem)
        problems.push(
          `${page.file}: ${element.tagName.toLowerCase()} ${attribute}="${value}": ${problem}`,
        );
    }
  }
}

function checkUrl(value, pageUrl, pageFile) {
  if (/^javascript:/i.test(value)) return 'javascript: URLs are not allowed';
  if (/^(mailto|tel|data|blob):/i.test(value)) return undefined;
  const url = new URL(value, pageUrl);
  if (url.origin !== site.origin) {
    return /^https?:/.test(url.protocol)
      ? 'links to another origin (the site must be self-contained)'
      : undefined;
  }
  if (!url.pathname.startsWith(base)) return `is outside the base path ${base}`;
  const target =
    url.pathname === pageUrl.pathname
      ? pageFile
      : fileForPath(dir, url.pathname.slice(base.length));
  if (!target) return 'points at a file that was not built';
  // A fragment with `=` carries page state (e.g. `#cookie=…` for the inspector), not an anchor.
  if (url.hash.length > 1 && !url.hash.includes('=')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsByFile.get(target)?.has(id)) return `has no element with id "${id}" on the target page`;
  }
  return undefined;
}

if (problems.length > 0) {
  console.error(`Broken links in ${dir}/ (base ${base}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Links OK: ${checked} URLs on ${pages.length} pages in ${dir}/ (base ${base}).`);
