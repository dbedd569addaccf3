// Runs before first paint (inlined in <head>): applies the theme the learner pinned, if any.
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage unavailable (private mode, blocked): the site follows the system theme.
}
