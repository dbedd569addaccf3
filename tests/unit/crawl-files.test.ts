import { describe, expect, test } from 'vitest';
import { pageUrl, robotsTxt, sitemapPages, sitemapXml } from '../../src/lib/crawl-files.ts';

describe('sitemap and robots.txt', () => {
  test('page URLs join origin, base and path with single slashes', () => {
    expect(pageUrl('https://a.example', '/', '')).toBe('https://a.example/');
    expect(pageUrl('https://a.example', '/sub', 'lessons/x/')).toBe(
      'https://a.example/sub/lessons/x/',
    );
    expect(pageUrl('https://a.example/', '/sub/', '/lessons/x/')).toBe(
      'https://a.example/sub/lessons/x/',
    );
  });

  test('the sitemap lists every page but the not-found page, once and sorted', () => {
    expect(sitemapPages(['lessons/b/', '404/', '', 'lessons/a/', '', '404'])).toEqual([
      '',
      'lessons/a/',
      'lessons/b/',
    ]);
  });

  test('the old addresses of moved modes only redirect, so they stay out of the sitemap', () => {
    expect(sitemapPages(['lessons/a/read/', 'lessons/a/quiz/', 'lessons/a/learn/'])).toEqual([
      'lessons/a/learn/',
    ]);
  });

  test('the sitemap is XML with absolute, escaped URLs', () => {
    const xml = sitemapXml('https://a.example', '/sub/', ['', 'q/?a=1&b=2']);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<loc>https://a.example/sub/</loc>');
    expect(xml).toContain('<loc>https://a.example/sub/q/?a=1&amp;b=2</loc>');
  });

  test('robots.txt allows everything and points at the sitemap under the base', () => {
    expect(robotsTxt('https://a.example', '/sub/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://a.example/sub/sitemap.xml\n',
    );
  });
});
