import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a fake build (path → contents) and runs a check script against it under `base`. */
function runCheck(script: string, files: Record<string, string>, base = '/') {
  dir = mkdtempSync(join(tmpdir(), 'site-check-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync('node', [`scripts/${script}`], {
    env: { ...process.env, OUT_DIR: dir, BASE_PATH: base, SITE_URL: 'https://site.example' },
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

describe('link check', () => {
  test('passes when every link, asset and anchor resolves', () => {
    const { status, output } = runCheck('check-links.mjs', {
      'index.html': page(
        '<a href="/a/#x">a</a><a href="#top" id="top">top</a><img src="/i.svg"><a href="/a/#cookie=x.y">state</a>',
      ),
      'a/index.html': page('<h2 id="x">X</h2><a href="../">home</a>'),
      'i.svg': '<svg/>',
    });
    expect(output).toContain('Links OK');
    expect(status).toBe(0);
  });

  test('reports missing pages, missing anchors and foreign origins, one line each', () => {
    const { status, output } = runCheck('check-links.mjs', {
      'index.html': page(
        '<a href="/gone/">x</a><a href="/a/#nope">y</a><script src="https://cdn.example/x.js"></script><a href="/a">z</a>',
      ),
      'a/index.html': page('<p>a</p>'),
    });
    expect(status).toBe(1);
    expect(output).toContain('a href="/gone/": points at a file that was not built');
    expect(output).toContain('a href="/a/#nope": has no element with id "nope" on the target page');
    expect(output).toContain('another origin');
    expect(output).toContain('a href="/a": points at a file that was not built');
  });

  test('under a sub-path, a root-relative link that skips the base is broken', () => {
    const { status, output } = runCheck(
      'check-links.mjs',
      {
        'index.html': page('<a href="/sub/a/">ok</a><a href="/a/">bad</a>'),
        'a/index.html': page(''),
      },
      '/sub/',
    );
    expect(status).toBe(1);
    expect(output).toContain('a href="/a/": is outside the base path /sub/');
    expect(output).not.toContain('/sub/a/"');
  });
});

describe('JavaScript budgets', () => {
  test('counts module scripts and their static imports, but not dynamic imports', () => {
    const { status, output } = runCheck('check-budgets.mjs', {
      'index.html': page(''),
      'lessons/x/index.html': page('<script type="module" src="/_astro/a.js"></script>'),
      '_astro/a.js': 'import{b}from"./b.js";import("./lazy.js");console.log(b)',
      '_astro/b.js': 'export const b=1',
      '_astro/lazy.js': 'throw new Error("incorrect header check")',
    });
    expect(status).toBe(0);
    expect(output).toMatch(/\/lessons\/x\/\t2\t/);
  });

  test('fails when zlib code loads with the page instead of lazily', () => {
    const { status, output } = runCheck('check-budgets.mjs', {
      'index.html': page(''),
      'lessons/x/index.html': page('<script type="module" src="/_astro/a.js"></script>'),
      '_astro/a.js': 'import"./z.js"',
      '_astro/z.js': 'const m="incorrect header check"',
    });
    expect(status).toBe(1);
    expect(output).toContain('pako (zlib) loads with the page');
  });

  test('fails when the catalogue loads a JavaScript file', () => {
    const { status, output } = runCheck('check-budgets.mjs', {
      'index.html': page('<script type="module" src="/_astro/a.js"></script>'),
      '_astro/a.js': 'console.log(1)',
    });
    expect(status).toBe(1);
    expect(output).toContain('loads 1 JavaScript files; allowed 0');
  });

  test('fails when a page is over its budget', () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `v${i}=${(i * 7919) % 104729};`).join('');
    const { status, output } = runCheck('check-budgets.mjs', {
      'index.html': page(''),
      'lessons/x/index.html': page(`<script>${big}</script>`),
    });
    expect(status).toBe(1);
    expect(output).toContain('over the 20480 B budget');
  });
});
