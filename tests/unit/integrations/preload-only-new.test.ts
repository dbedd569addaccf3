import { describe, expect, it } from 'vitest';
import { preloadOnlyNew } from '../../../src/integrations/preload-only-new.ts';

type Resolve = (
  imported: string,
  deps: string[],
  context: { hostId: string; hostType: 'js' | 'html' },
) => string[];

/** The plugin's `resolveDependencies` for the client build, after it has seen `bundle`. */
function resolverFor(bundle: Record<string, { type: string; imports?: string[] }>): Resolve {
  const plugin = preloadOnlyNew();
  const configEnvironment = plugin.configEnvironment as (name: string) => {
    build: { modulePreload: { resolveDependencies: Resolve } };
  };
  const generateBundle = plugin.generateBundle as { handler: (o: unknown, b: unknown) => void };
  generateBundle.handler({}, bundle);
  return configEnvironment('client').build.modulePreload.resolveDependencies;
}

// The island imports state (which imports config) and lazily imports the engine, which imports
// state, flask and decode.
const bundle = {
  'island.js': { type: 'chunk', imports: ['state.js', 'helper.js'] },
  'state.js': { type: 'chunk', imports: ['config.js'] },
  'config.js': { type: 'chunk', imports: [] },
  'helper.js': { type: 'chunk', imports: [] },
  'engine.js': { type: 'chunk', imports: ['state.js', 'flask.js'] },
  'flask.js': { type: 'chunk', imports: ['decode.js'] },
  'decode.js': { type: 'chunk', imports: [] },
};
const engineDeps = ['engine.js', 'state.js', 'config.js', 'flask.js', 'decode.js'];

describe('preloadOnlyNew', () => {
  it('preloads only what the importing chunk has not loaded, without the imported chunk', () => {
    const resolve = resolverFor(bundle);
    expect(resolve('engine.js', engineDeps, { hostId: 'island.js', hostType: 'js' })).toEqual([
      'flask.js',
      'decode.js',
    ]);
  });

  it('keeps every file when the importer shares nothing with the imported chunk', () => {
    const resolve = resolverFor(bundle);
    expect(resolve('engine.js', engineDeps, { hostId: 'decode.js', hostType: 'js' })).toEqual([
      'state.js',
      'config.js',
      'flask.js',
    ]);
  });

  it('leaves HTML entry preloads alone and applies to the client build only', () => {
    const resolve = resolverFor(bundle);
    expect(resolve('engine.js', engineDeps, { hostId: 'index.html', hostType: 'html' })).toEqual(
      engineDeps,
    );
    const configEnvironment = preloadOnlyNew().configEnvironment as (name: string) => unknown;
    expect(configEnvironment('ssr')).toBeUndefined();
  });
});
