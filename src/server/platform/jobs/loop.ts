import { summarizeError } from './error-summary';

/** What the loops log through: Fastify's logger fits, so does a test double. */
export type BackgroundLogger = {
  info: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
};

export type PollingLoop = { start: () => void; stop: () => Promise<void> };

/**
 * Calls `tick` again at once while it reports work done (to drain a backlog), else after
 * `intervalMs`. A failing tick (database restarting, network) is logged and retried on the next
 * round instead of ending the loop. `stop` wakes a sleeping loop and resolves once the tick in
 * progress has returned, so nothing is cut in the middle.
 */
export function createPollingLoop(
  name: string,
  tick: () => Promise<number>,
  options: { intervalMs: number; log?: BackgroundLogger },
): PollingLoop {
  let stopping = false;
  let running: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const sleep = (milliseconds: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      wake = done;
    });

  const run = async () => {
    while (!stopping) {
      let done = 0;
      try {
        done = await tick();
      } catch (error) {
        options.log?.error({ loop: name, error: summarizeError(error) }, 'tâche de fond en échec, nouvel essai');
      }
      if (!stopping && done === 0) await sleep(options.intervalMs);
    }
  };

  return {
    start: () => {
      if (running) return;
      stopping = false;
      running = run();
    },
    stop: async () => {
      stopping = true;
      wake?.();
      await running;
      running = null;
    },
  };
}
