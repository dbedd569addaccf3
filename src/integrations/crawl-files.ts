import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { robotsTxt, sitemapPages, sitemapXml } from '../lib/crawl-files.ts';

/**
 * Writes `sitemap.xml` (every built page but the 404) and `robots.txt` into the build output, with
 * absolute URLs for the configured `site` and `base`.
 */
export function crawlFiles(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'lesson-site:crawl-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? 'http://localhost:4321';
        base = config.base;
      },
      'astro:build:done': async ({ pages, dir }) => {
        const pathnames = sitemapPages(pages.map((page) => page.pathname));
        await writeFile(new URL('sitemap.xml', dir), sitemapXml(site, base, pathnames));
        await writeFile(new URL('robots.txt', dir), robotsTxt(site, base));
      },
    },
  };
}
