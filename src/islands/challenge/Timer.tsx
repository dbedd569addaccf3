import { useEffect, useState } from 'preact/hooks';
import { clock, timeLeft, timerStep } from '../../lib/challenge/timer.ts';

/**
 * An optional countdown for learners who want one. Off by default; while it runs it can be
 * extended by five minutes or turned off, and running out locks nothing. The countdown itself is
 * not announced every second: only starting, extending, stopping and running out are.
 */
export default function Timer() {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState('');
  // Server-rendered, the button cannot act until the island hydrates: it stays disabled till then.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    if (endsAt === null) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [endsAt]);

  const left = endsAt === null ? 0 : timeLeft(endsAt, now);
  const over = endsAt !== null && left === 0;
  useEffect(() => {
    if (over) setSaid('Time is up. Keep going if you like: nothing is locked.');
  }, [over]);

  const start = (from: number) => {
    const current = Date.now();
    setNow(current);
    setEndsAt(Math.max(from, current) + timerStep);
  };

  return (
    <div class="challenge-timer">
      {endsAt === null ? (
        <button
          type="button"
          class="button"
          disabled={!ready}
          onClick={() => {
            start(Date.now());
            setSaid('Timer started: 5 minutes.');
          }}
        >
          Start a 5-minute timer
        </button>
      ) : (
        <>
          <span class="timer-clock">{over ? 'Time is up' : `${clock(left)} left`}</span>
          <button
            type="button"
            class="button"
            onClick={() => {
              start(endsAt);
              setSaid('Five minutes added.');
            }}
          >
            Add 5 minutes
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setEndsAt(null);
              setSaid('Timer off. The challenge is untimed.');
            }}
          >
            Turn the timer off
          </button>
        </>
      )}
      <span class="timer-status" role="status">
        {said}
      </span>
    </div>
  );
}
