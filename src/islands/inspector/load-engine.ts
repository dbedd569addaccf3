import { lazyModule } from '../../lib/lazy-module.ts';

type InspectorEngine = typeof import('../../lib/inspector/engine.ts');

/** The inspector's engine code, downloaded on first use so the page itself loads little. */
export const loadEngine: () => Promise<InspectorEngine> = lazyModule(
  () => import('../../lib/inspector/engine.ts'),
);

export const ENGINE_FAILED =
  'The inspector’s code could not be downloaded (are you offline?). Try again in a moment.';

/** The real clock in whole Unix seconds, as Flask reads it. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);
