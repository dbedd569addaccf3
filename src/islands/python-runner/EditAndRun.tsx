import type { ComponentChildren, FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import type { PythonRunnerProps } from './PythonRunner.tsx';

/**
 * The playground's code (`children`) with an "Edit and run on real Flask" button, which downloads
 * the editor and the Python runner on demand: every lesson page carries only this component, so
 * it is kept as small as it can be.
 */
export function EditAndRun(
  props: Omit<PythonRunnerProps, 'onClose'> & { readonly children: ComponentChildren },
) {
  // The runner once downloaded, or the button's text after a failed download (a click retries).
  const [Runner, setRunner] = useState<FunctionComponent<PythonRunnerProps> | string>('');
  return typeof Runner !== 'string' ? (
    <Runner {...props} onClose={setRunner} />
  ) : (
    <>
      {props.children}
      <button
        type="button"
        class="button"
        onClick={() =>
          import('./PythonRunner.tsx').then(
            (loaded) => setRunner(() => loaded.default),
            () => setRunner('Download failed: retry'),
          )
        }
      >
        {Runner || 'Edit and run on real Flask'}
      </button>
    </>
  );
}
