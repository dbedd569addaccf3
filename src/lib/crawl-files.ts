import { movedModes } from './lesson/modes.ts';

/**
 * Text of the crawl files every deployment needs. `site` is the public origin (SITE_URL), `base` the
 * path the site is served under, `pathnames` the built pages relative to the base (`''` is home).
 */
export function sitemapXml(site: string, base: string, pathnames: readonly string[]): string {
  const urls = pathnames.map(
    (pathname) => `  <url><loc>${escapeXml(pageUrl(site, base, pathname))}</loc></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(site: string, base: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${pageUrl(site, base, 'sitemap.xml')}\n`;
}

/** Absolute URL of a page: origin + base + pathname, with exactly one slash at each join. */
export function pageUrl(site: string, base: string, pathname: string): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  return new URL(pathname.replace(/^\/+/, ''), root).href;
}

/** Old addresses of lesson modes, which only redirect (see `movedModes`). */
const movedModePage = new RegExp(`^/?lessons/[^/]+/(${Object.keys(movedModes).join('|')})/?$`);

/** Pages that belong in the sitemap: everything built except the not-found and redirect pages. */
export function sitemapPages(pathnames: readonly string[]): string[] {
  const kept = pathnames.filter(
    (pathname) => !/^\/?404\/?$/.test(pathname) && !movedModePage.test(pathname),
  );
  return [...new Set(kept)].sort();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
