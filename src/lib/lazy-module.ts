/**
 * A loader for code fetched on first use (a dynamic `import()`): calls share one download, and a
 * failed download is forgotten, so the next call tries again instead of failing forever.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
