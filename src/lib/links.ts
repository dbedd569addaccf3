/**
 * Joins the site's base path and an internal path. `base` is Astro's `BASE_URL` (`/` or a sub-path
 * such as `/lessons-site/`, with or without its trailing slash); `path` is relative to the site root,
 * with or without a leading slash, and may carry a `#fragment` or `?query`. Page paths keep the
 * trailing slash the site is built with.
 */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** An internal link for the site as built (honours `BASE_PATH`). Every internal URL goes through it. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** The page of a lesson, or one of its pages (`page` is relative to the lesson, e.g. `quiz/`). */
export const lessonHref = (lessonId: string, page = '') => href(`lessons/${lessonId}/${page}`);
