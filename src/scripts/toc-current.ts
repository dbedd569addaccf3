/**
 * Marks the table of contents' link to the section being read with `aria-current="true"`: the
 * last section whose heading has passed the reading line near the top of the viewport (96 px, or a
 * quarter of a short viewport), or the last section once
 * the page is scrolled to its end (a short last section can never reach the top). Updates on
 * scroll, at most once a frame. Does nothing on a page without `[data-toc]`.
 */
const readingLine = 96;

export function markCurrentSection(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]')];
  const headings = links.map((link) => document.getElementById(link.hash.slice(1)));
  let queued = false;
  const update = () => {
    queued = false;
    const line = Math.min(window.innerHeight / 4, readingLine);
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    let current = -1;
    headings.forEach((heading, index) => {
      if (heading && heading.getBoundingClientRect().top <= line) current = index;
    });
    if (atEnd && window.scrollY > 0) current = links.length - 1;
    links.forEach((link, index) => {
      if (index === current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    });
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue, { passive: true });
  update();
}
