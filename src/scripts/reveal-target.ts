const revealMs = 3000;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/**
 * Draws the learner to the element with this id after a link has scrolled to it: gives it
 * keyboard focus (so the next Tab and a screen reader continue from there) and the temporary
 * `is-revealed` highlight styled in `global.css`, which fades only when motion is welcome.
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
