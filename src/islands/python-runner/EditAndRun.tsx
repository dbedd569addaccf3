import type { ComponentChildren, FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { loadResults } from '../playground/engine.ts';
import type { PythonRunnerProps } from './PythonRunner.tsx';

/**
 * The playground's code (`children`) with an "Edit and run on real Flask" button, which downloads
 * the editor and the Python runner on demand. Every lesson page carries this component, so it is
 * as small as it can be: the runner is reached through the playground's results module (which the
 * playground needs anyway once it runs), so the page's own code names none of the runner's files.
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
          loadResults()
            .then((results) => results.loadPythonRunner())
            .then(
              (runner) => setRunner(() => runner),
              () => setRunner('Download failed: retry'),
            )
        }
      >
        {Runner || 'Edit and run on real Flask'}
      </button>
    </>
  );
}
