import type { GuessOutcome as Outcome } from '../../lib/guess/pool.ts';
import { percentRead, triedIn } from '../../lib/inspector/guess-format.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The sentence a screen reader hears when a run ends. */
export function outcomeSummary(outcome: Outcome): string {
  if (outcome.kind === 'found') return `Found the secret key after ${count(outcome.tried)} keys.`;
  if (outcome.kind === 'cancelled') return `Cancelled after ${count(outcome.tried)} keys.`;
  if (outcome.kind === 'failed') return `Guessing failed: ${outcome.message}`;
  return `Not found: none of the ${count(outcome.tried)} keys signed this cookie.`;
}

/** How a guessing run ended: the key found (and what it means), not found, or cancelled. */
export function GuessOutcome(props: {
  readonly outcome: Outcome;
  /** Which kernel ran, in how many workers (`WebAssembly SIMD in 2 background workers`). */
  readonly engine: string | null;
  /** Puts the found key into Sign, as text a key field reads back as that key. */
  readonly onUseKey: (typed: string) => void;
}) {
  const { outcome } = props;
  const speed = `${triedIn(outcome)}${props.engine === null ? '' : `, with ${props.engine}`}.`;
  if (outcome.kind === 'failed') return <p class="ci-error">{outcome.message}</p>;
  if (outcome.kind === 'found') {
    return (
      <div class="ci-result ci-bad">
        <p>
          <strong>Found the secret key:</strong> <code class="ci-key">{outcome.key.repr}</code>
        </p>
        <p class="ci-hint">Tried {speed}</p>
        <p>
          Anyone with this cookie can do the same, and with the key they can sign any session Flask
          will accept as genuine: log in as another user, make themselves an admin, change a price
          in a cart. The app needs a new random key, such as the output of{' '}
          <code>python -c "import secrets; print(secrets.token_hex())"</code>.
        </p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => props.onUseKey(outcome.key.typed)}
        >
          Sign a session with this key
        </button>
      </div>
    );
  }
  if (outcome.kind === 'cancelled') {
    return (
      <p class="ci-note">
        Cancelled after {count(outcome.tried)} keys ({percentRead(outcome)}% of the word lists
        read).
      </p>
    );
  }
  return (
    <div class="ci-result ci-ok">
      <p>
        <strong>Not found.</strong> None of the {count(outcome.tried)} keys signed this cookie.
      </p>
      <p class="ci-hint">Tried {speed}</p>
      <p>
        That only rules out these keys. A key made by <code>secrets.token_hex()</code> cannot be
        guessed this way at all.
      </p>
    </div>
  );
}
