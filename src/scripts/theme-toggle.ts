const darkQuery = '(prefers-color-scheme: dark)';

/** The theme in effect: the one pinned on <html> (by theme-init.js or a click), else the system's. */
function currentTheme(): 'light' | 'dark' {
  const pinned = document.documentElement.dataset['theme'];
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return matchMedia(darkQuery).matches ? 'dark' : 'light';
}

/** Makes every theme toggle on the page work and keeps its pressed state in step with the theme. */
export function wireThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    sync();
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Storage can be unavailable (private mode, quota); the choice then lasts for this page only.
      }
      sync();
    });
    matchMedia(darkQuery).addEventListener('change', sync);
  }
}
