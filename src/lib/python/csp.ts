/**
 * What a page that can run Python adds to its Content Security Policy. "Run on real Flask" starts
 * Pyodide in a `blob:` worker, which inherits the page's policy: WebAssembly compilation
 * (`'wasm-unsafe-eval'`, which allows no JavaScript eval) and `blob:` workers. Nothing else, and
 * never `'unsafe-eval'`: learner code in the worker stays unable to eval JavaScript or to reach
 * another origin.
 */
export interface PageCsp {
  insertScriptResource(resource: "'self'" | "'wasm-unsafe-eval'"): void;
  insertDirective(directive: "worker-src 'self' blob:"): void;
}

/**
 * Call from a page's frontmatter (the policy is written into the head before components run).
 * `csp` is `Astro.csp`, undefined when the site has no policy (then there is nothing to relax).
 */
export function allowPythonRuntime(csp: PageCsp | undefined): void {
  if (csp === undefined) return;
  // A page's first script resource replaces Astro's default 'self', so 'self' is named again.
  csp.insertScriptResource("'self'");
  csp.insertScriptResource("'wasm-unsafe-eval'");
  csp.insertDirective("worker-src 'self' blob:");
}
