import { isoToParisDay, parisDayToIso } from '../../app/format';

/** Today in Paris, for pre-filling a date input. */
export const todayInParis = (): string => isoToParisDay(new Date().toISOString());

/**
 * A day picked in a date input as the instant to send: "now" for today (a time later today would
 * be in the future), else the start of a past day (received) or its end (answered), so an answer
 * given the day a request arrived never reads as earlier than it.
 */
export function dayToInstant(day: string, edge: 'start' | 'end'): string | undefined {
  if (day === '') return undefined;
  if (day === todayInParis()) return new Date().toISOString();
  return parisDayToIso(day, edge === 'end');
}
