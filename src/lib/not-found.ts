/** A page the not-found page can point to: its path relative to the site base, and its title. */
export interface KnownPage {
  /** Relative to the base, with the trailing slash pages are built with (`''` is the home page). */
  path: string;
  title: string;
}

/**
 * The page a mistyped address most likely meant, or undefined. `pathname` is the address's path
 * (`location.pathname`), `base` the site's base path. Matches ignoring case, a missing trailing
 * slash, doubled slashes and a trailing `index.html`; failing that, the deepest known page the
 * address lies under (`/lessons/flask-session/nope` → the lesson).
 */
export function suggestPage(
  pathname: string,
  base: string,
  pages: readonly KnownPage[],
): KnownPage | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  const path = pathname.toLowerCase().replace(/\/{2,}/g, '/');
  if (!path.startsWith(root.toLowerCase()) && `${path}/` !== root.toLowerCase()) return undefined;
  const relative = path
    .slice(root.length)
    .replace(/(^|\/)index\.html$/, '$1')
    .replace(/\/?$/, '/')
    .replace(/^\/$/, '');
  const byDepth = [...pages].sort((a, b) => b.path.length - a.path.length);
  return (
    byDepth.find((page) => page.path.toLowerCase() === relative) ??
    byDepth.find((page) => page.path !== '' && relative.startsWith(page.path.toLowerCase()))
  );
}
