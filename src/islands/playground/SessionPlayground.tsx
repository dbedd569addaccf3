import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazyModule } from '../../lib/lazy-module.ts';
import type { CookieAnatomy } from '../../lib/playground/anatomy.ts';
import { LESSON_CONFIG } from '../../lib/playground/config.ts';
import { saveState, savedState } from '../../lib/playground/persist.ts';
import { createStepQueue } from '../../lib/playground/queue.ts';
import { SCENARIOS } from '../../lib/playground/scenarios.ts';
import {
  announceRow,
  initialState,
  sessionCookie,
  type PlaygroundState,
} from '../../lib/playground/state.ts';
import { BrowserPane } from './BrowserPane.tsx';
import { ENGINE_FAILED, loadEngine, loadResults, type Results } from './engine.ts';
import { Experiments } from './Experiments.tsx';
import { ServerPane } from './ServerPane.tsx';
import { Toolbar } from './Toolbar.tsx';

/** The saved state's checker, downloaded only when the tab has a saved playground. */
const loadRestore = lazyModule(() => import('../../lib/playground/restore.ts'));

type Anatomy = CookieAnatomy | { ok: false; message: string } | null;

/**
 * The session playground: a simulated browser and a simulated Flask app side by side. Every
 * action goes through `src/lib/playground/`; these components only render state and wire events.
 * Server-rendered with its controls disabled, which looks so only without JavaScript (`html.js`
 * rules in playground.css; Playground.astro carries the no-JavaScript notice). The state is kept for the tab, so
 * following the anatomy's inspector link and pressing Back brings it back.
 */
/** `inspectorUrl` is the cookie inspector's page, where the anatomy's cookie can be opened. */
export default function SessionPlayground({ inspectorUrl }: { inspectorUrl: string }) {
  const [state, setState] = useState<PlaygroundState | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [anatomy, setAnatomy] = useState<Anatomy>(null);
  const [results, setResults] = useState<Results | null>(null);
  const latest = useRef<PlaygroundState | null>(null);
  const show = (next: PlaygroundState) => {
    latest.current = next;
    setState(next);
  };

  const queue = useMemo(
    () =>
      createStepQueue<PlaygroundState>({
        current: () => latest.current,
        settle: (before, next) => {
          show(next);
          const newRow = next.rows.length > before.rows.length ? next.rows.at(-1) : undefined;
          setAnnouncement(newRow ? announceRow(newRow) : (next.notice ?? ''));
        },
        fail: (from, error) => {
          // Steps return problems as values; reaching this is a bug, so say so rather than go quiet.
          const notice = `The playground hit an unexpected error: ${String(error)}`;
          show({ ...from, notice });
          setAnnouncement(notice);
        },
        busy: setBusy,
      }),
    [],
  );

  // The tab's saved playground if there is a valid one, else the lesson's set-up with the clock
  // at the learner's real time, which only the browser knows.
  useEffect(() => {
    const fresh = () => initialState(Math.floor(Date.now() / 1000));
    const saved = savedState();
    if (saved === null) {
      show(fresh());
      return;
    }
    loadRestore()
      .then((module) => module.validState(saved))
      .catch(() => null)
      .then((restored) => show(restored ?? fresh()));
  }, []);

  useEffect(() => {
    if (state !== null) saveState(state);
  }, [state]);

  const cookie = state === null ? undefined : sessionCookie(state);
  useEffect(() => {
    if (state === null || cookie === undefined) {
      setAnatomy(null);
      return;
    }
    let current = true;
    loadEngine()
      .then((engine) => engine.cookieAnatomy(cookie, state.clock))
      .catch(() => ({ ok: false as const, message: ENGINE_FAILED }))
      .then((result) => {
        if (current) setAnatomy(result);
      });
    return () => {
      current = false;
    };
  }, [cookie, state?.clock]);

  const hasResults =
    state !== null && (state.rows.length > 0 || state.last !== null || state.jar.length > 0);
  useEffect(() => {
    if (hasResults && results === null) {
      loadResults()
        .then(setResults)
        .catch(() => setAnatomy({ ok: false, message: ENGINE_FAILED }));
    }
  }, [hasResults]);

  // Only disabled until hydration: disabling a focused button mid-request would drop keyboard
  // focus, and the queue takes clicks made meanwhile in order anyway.
  const disabled = state === null;
  const scenario = SCENARIOS[state?.scenario ?? 'counter'];
  const config = state?.config ?? LESSON_CONFIG;
  const run = queue.run;

  return (
    <div class="playground" aria-busy={busy} data-hydrating={disabled ? '' : undefined}>
      <Toolbar
        scenario={scenario.id}
        hasRows={(state?.rows.length ?? 0) > 0}
        disabled={disabled}
        run={run}
      />
      <div class="pg-panes">
        <BrowserPane
          state={state}
          results={results}
          scenario={scenario}
          disabled={disabled}
          run={run}
        />
        <ServerPane config={config} scenario={scenario} disabled={disabled} run={run} />
      </div>
      <Experiments cookieJson={anatomy?.ok ? anatomy.json : null} disabled={disabled} run={run} />
      {state?.notice && (
        <p class="pg-notice" role="note">
          {state.notice}
        </p>
      )}
      {state?.last && results && <results.ExchangeView exchange={state.last} config={config} />}
      <section class="pg-anatomy" aria-labelledby="pg-anatomy">
        <h3 id="pg-anatomy">Cookie anatomy</h3>
        <p class="pg-signed">
          <strong>Signed, not encrypted:</strong> anyone can read this; only the key holder can
          change it.
        </p>
        {anatomy === null ? (
          <p class="pg-muted">The browser has no session cookie yet. Send a request.</p>
        ) : !anatomy.ok ? (
          <p>{anatomy.message}</p>
        ) : (
          results && <results.AnatomyDetails anatomy={anatomy} inspectorUrl={inspectorUrl} />
        )}
      </section>
      <section aria-labelledby="pg-table">
        <h3 id="pg-table">Your requests</h3>
        {state === null || state.rows.length === 0 ? (
          <p class="pg-muted">No requests yet. Send one, or replay the lesson’s five visits.</p>
        ) : (
          results && <results.RowsTable rows={state.rows} trackedKey={scenario.trackedKey} />
        )}
      </section>
      <div class="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
