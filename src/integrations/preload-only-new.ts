import type { Plugin } from 'vite';

/** What the plugin needs of an output chunk: its file name and the chunks it imports statically. */
interface ChunkImports {
  readonly type: string;
  readonly imports?: readonly string[];
}

/**
 * Shortens the list of files Vite preloads with each dynamic `import()` in the browser build.
 *
 * For `import('./engine.ts')` Vite lists the chunk and every chunk it imports statically, and
 * `__vitePreload` adds a `<link rel="modulepreload">` for each, so they download in parallel
 * instead of one import level at a time. Two kinds of entries buy nothing and cost bytes in the
 * chunk that holds the `import()`, which usually loads with the page:
 * - chunks that chunk itself imports statically (directly or not): they ran before the
 *   `import()` could, so they are already loaded;
 * - the imported chunk itself: `import()` requests it at the same moment as the preload would.
 * Only the remaining chunks, the ones the browser would otherwise discover late, are preloaded.
 */
export function preloadOnlyNew(): Plugin {
  let bundle: Readonly<Record<string, ChunkImports>> = {};

  /** `host` and every chunk it imports statically, directly or not. */
  const loadedWith = (host: string): Set<string> => {
    const loaded = new Set<string>();
    const pending = [host];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      pending.push(...(bundle[file]?.imports ?? []));
    }
    return loaded;
  };

  return {
    name: 'preload-only-new',
    apply: 'build',
    // Vite reads `resolveDependencies` per environment; Astro sets the client's build options
    // itself, so the option is added to that environment here rather than in the Vite config.
    configEnvironment(name) {
      if (name !== 'client') return;
      return {
        build: {
          modulePreload: {
            resolveDependencies: (imported, deps, { hostId, hostType }) => {
              if (hostType !== 'js') return deps;
              const loaded = loadedWith(hostId);
              return deps.filter((dep) => dep !== imported && !loaded.has(dep));
            },
          },
        },
      };
    },
    // Vite rewrites the preload lists in its own `generateBundle`; this runs before it and keeps
    // the chunk graph `resolveDependencies` reads.
    generateBundle: {
      order: 'pre',
      handler(_options, output) {
        bundle = output;
      },
    },
  };
}
