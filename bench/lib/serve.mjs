// A small static file server for built sites, behaving like a typical static host (GitHub Pages,
// Netlify, a CDN) in the ways that change the measurements:
// - text responses are gzip-compressed when the client accepts gzip (zlib level 6, like most
//   hosts' default), so "transferred" bytes are realistic. `astro preview` sends everything
//   uncompressed, which would overstate transfer and make Lighthouse flag missing compression.
// - every response carries `Cache-Control: max-age=600`, GitHub Pages' policy for all files.
// - `/dir/` serves `dir/index.html`; `/dir` redirects (301) to `/dir/` when that folder exists;
//   anything else is the site's `404.html` (or a plain text 404) with status 404.
// No brotli, no HTTP/2: the same server is used for every site compared, so the comparison is fair.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve as resolvePath, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { onCleanup } from './process.mjs';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  // Pagefind (Starlight's search) index files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** One line for results files: how pages were served. */
export const SERVER_DESCRIPTION =
  'bench/lib/serve.mjs, a Node static server on 127.0.0.1 (HTTP/1.1, gzip level 6 for text, ' +
  'Cache-Control: max-age=600 like GitHub Pages)';

/** Types worth compressing; images, fonts and wasm are already compressed or served as is. */
const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Serves `root` under `base` (e.g. `/` or `/lessons-site/`) on a free port on 127.0.0.1.
 * Resolves with `{ origin, url(path), close() }`; `url('/lessons/x/')` gives the absolute URL of
 * a site path. The server is also closed at process exit.
 */
export async function serveDirectory(folder, { base = '/' } = {}) {
  const root = resolvePath(folder);
  const gzipCache = new Map();

  async function fileAt(urlPath) {
    // Refuse paths that escape the root after decoding (`/../`).
    const relative = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.(\/|\\|$))+/, '');
    const absolute = join(root, relative);
    if (absolute !== root && !absolute.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return undefined;
    }
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return { absolute };
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
      const index = join(absolute, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return { absolute: index };
    }
    return undefined;
  }

  async function send(request, response, status, absolute) {
    const type = contentTypes[extname(absolute).toLowerCase()] ?? 'application/octet-stream';
    let body = await readFile(absolute);
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'max-age=600',
      Vary: 'Accept-Encoding',
    };
    const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (acceptsGzip && compressible.test(type) && body.length > 0) {
      let gzipped = gzipCache.get(absolute);
      if (!gzipped) {
        gzipped = gzipSync(body, { level: 6 });
        gzipCache.set(absolute, gzipped);
      }
      body = gzipped;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer(async (request, response) => {
    try {
      const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
      if (!pathname.startsWith(base) && `${pathname}/` !== base) {
        return notFound(request, response);
      }
      if (`${pathname}/` === base) {
        response.writeHead(301, { Location: base + search });
        return response.end();
      }
      const found = await fileAt(pathname.slice(base.length - 1));
      if (found?.redirect) {
        response.writeHead(301, { Location: base.slice(0, -1) + found.redirect + search });
        return response.end();
      }
      if (found?.absolute) return await send(request, response, 200, found.absolute);
      return await notFound(request, response);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    }
  });

  async function notFound(request, response) {
    const page = join(root, '404.html');
    if ((await stat(page).catch(() => undefined))?.isFile()) {
      return send(request, response, 404, page);
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port, so parallel runs and other servers never collide.
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const closed = new Promise((resolve) => server.once('close', resolve));
  const stop = onCleanup(() => {
    server.close();
    server.closeAllConnections();
  });
  return {
    origin,
    url: (path) => origin + base + path.replace(/^\//, ''),
    close: async () => {
      stop();
      await closed;
    },
  };
}

/** The HTTP status a GET of `url` answers with (redirects followed), or 0 when unreachable. */
export async function statusOf(url) {
  try {
    const response = await fetch(url, { redirect: 'follow' });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
