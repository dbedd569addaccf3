/** What the learner picked: follow the device, or pin one theme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const storageKey = 'theme';

/** The saved choice; anything but `light` or `dark` (or unreadable storage) means System. */
function savedChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Applies a choice to <html> the way `theme-init.js` does before the first paint (`data-theme`
 * for a pinned theme, none for System) and saves it. Storage can be unavailable (private mode,
 * quota); the choice then lasts for this page only.
 */
function applyChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
  try {
    if (choice === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // See above: not saved, still applied.
  }
}

/** Makes the page's theme buttons work: pressing one applies it, and only it shows as pressed. */
export function wireThemeSwitch(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')];
  const sync = (choice: ThemeChoice) => {
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(button.dataset['themeChoice'] === choice));
    }
  };
  sync(savedChoice());
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const choice = button.dataset['themeChoice'] as ThemeChoice;
      applyChoice(choice);
      sync(choice);
    });
  }
}
