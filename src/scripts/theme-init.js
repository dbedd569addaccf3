// Runs before first paint (inlined in <head>): marks the page as scripted, so controls that need
// JavaScript show from the first frame (no layout shift), and applies the theme the learner pinned.
document.documentElement.classList.add('js');
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage unavailable (private mode, blocked): the site follows the system theme.
}
