/**
 * Makes the "Copy code" buttons (shown only with JavaScript, see `[data-needs-js]`) copy the code
 * block that follows the button's header. The result is announced in the figure's status region.
 */
export function wireCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-code]')) {
    const figure = button.closest('figure');
    const code = figure?.querySelector('pre');
    const status = figure?.querySelector('[data-copy-status]');
    if (!code || !status) continue;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        status.textContent = 'Code copied to the clipboard.';
        button.textContent = 'Copied';
      } catch {
        status.textContent = 'Copying is blocked here; select the code and copy it by hand.';
        button.textContent = 'Copy failed';
      }
      // Reset, so that copying again is announced again.
      setTimeout(() => {
        button.textContent = 'Copy code';
        status.textContent = '';
      }, 2000);
    });
  }
}
