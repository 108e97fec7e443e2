const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * Dates of the demo, all relative to one reference taken from the seed's clock: midnight (UTC) of
 * the day the seed runs. A day in the past at a working hour is always before `now`, a day ahead
 * always after it, whatever the time of day the seed runs at; recent events use `minutesAgo`.
 */
export class Timeline {
  readonly day0: number;

  constructor(readonly now: Date) {
    this.day0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }

  /** `days` before today (negative: after today) at hour:minute UTC; working hours are 7–16 UTC. */
  daysAgo(days: number, hour = 9, minute = 0): Date {
    return new Date(this.day0 - days * DAY + (hour * 60 + minute) * MINUTE);
  }

  minutesAgo(minutes: number): Date {
    return new Date(this.now.getTime() - minutes * MINUTE);
  }

  /** Whole days between `date` and today's reference (positive in the past). */
  daysBefore(date: Date): number {
    return Math.floor((this.day0 - date.getTime()) / DAY);
  }
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

/**
 * The same moment moved back to 15:xx UTC (the same day, or the day before when it fell before
 * dawn) when it fell outside working hours, if that stays after `notBefore`: the team calls and
 * decides by day.
 */
export function duringWorkingHours(date: Date, notBefore: Date): Date {
  const hour = date.getUTCHours();
  if (hour >= 7 && hour < 16) return date;
  const moved = new Date(date);
  if (hour < 7) moved.setUTCDate(moved.getUTCDate() - 1);
  moved.setUTCHours(15, date.getUTCMinutes(), 0, 0);
  return moved.getTime() > notBefore.getTime() ? moved : date;
}

export function latest(dates: readonly (Date | null | undefined)[]): Date | null {
  let found: Date | null = null;
  for (const date of dates) if (date && (!found || date.getTime() > found.getTime())) found = date;
  return found;
}
