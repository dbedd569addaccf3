import type { CookieJar as Jar } from '../../lib/browser/cookie-jar.ts';
import { HOST } from '../../lib/playground/config.ts';
import { cookieLifetime } from '../../lib/playground/describe.ts';
import { pageView } from '../../lib/playground/page.ts';
import type { Exchange } from '../../lib/playground/state.ts';

/** What the browser window shows for a response: its address, status line and page. */
export function PageContent({ exchange }: { exchange: Exchange }) {
  const page = pageView(exchange.response);
  // The request line is `GET <path> HTTP/1.1`: the window's bar shows the address it loaded.
  const path = exchange.request[0]?.split(' ')[1] ?? '/';
  return (
    <>
      <p class="pg-window-bar">
        {HOST}
        {path}
      </p>
      <p class={page.ok ? 'pg-status' : 'pg-status pg-status-error'}>
        <span class="sr-only">Status: </span>
        {page.status}
      </p>
      {page.heading !== null && <p class="pg-page-heading">{page.heading}</p>}
      {page.text.map((line, index) => (
        <p class="pg-page-text" key={index}>
          {line}
        </p>
      ))}
    </>
  );
}

/** The browser's cookies, each with its attributes and how long the browser keeps it. */
export function CookieJar({ jar, now }: { jar: Jar; now: number }) {
  return (
    <ul class="pg-jar">
      {jar.map((cookie) => (
        <li class="pg-cookie" key={cookie.name}>
          <code class="pg-cookie-value">
            {cookie.name}={cookie.value}
          </code>
          <span class="pg-muted">{cookie.attributes.join('; ')}</span>
          <span>{cookieLifetime(cookie, now)}</span>
        </li>
      ))}
    </ul>
  );
}
