const revealMs = 4000;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/** At most this share of the viewport's height is kept above a target for its context. */
const maxContextShare = 0.5;

/**
 * Prepares the element with this id for a link about to scroll to it, so that what explains it
 * stays in view above it: a table cell lands below its table's column headers (or, where narrow
 * screens show rows as cards, below its card's title), up to half the viewport down. Sets the
 * element's `scroll-margin-top` through the CSSOM (which the CSP allows, unlike style attributes).
 * Does nothing when the page has no such element or it is not in a table.
 */
export function keepContextInView(id: string): void {
  const target = document.getElementById(id);
  const table = target?.closest('table');
  if (!target || !table) return;
  const head = table.tHead;
  const context = head && head.getBoundingClientRect().height > 1 ? head : target.closest('tr');
  if (!context) return;
  const above = target.getBoundingClientRect().top - context.getBoundingClientRect().top;
  const margin = Math.min(above + 16, window.innerHeight * maxContextShare);
  target.style.scrollMarginTop = `${Math.max(margin, 16)}px`;
}

/**
 * Draws the learner to the element with this id after a link has scrolled to it: gives it
 * keyboard focus (so the next Tab and a screen reader continue from there) and the temporary
 * `is-revealed` highlight styled in `global.css`, which pulses only when motion is welcome.
 * Does nothing when the page has no such element.
 */
export function revealTarget(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  clearTimeout(timers.get(target));
  // Re-adding the class on the next frame restarts the highlight when the same target is revealed twice.
  target.classList.remove('is-revealed');
  requestAnimationFrame(() => target.classList.add('is-revealed'));
  timers.set(
    target,
    setTimeout(() => target.classList.remove('is-revealed'), revealMs),
  );
}
