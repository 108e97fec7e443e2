import { describe, expect, it } from 'vitest';
import { autosaveReducer, hasUnsavedWork, initialAutosaveState, type TAutosaveEvent, type TAutosaveState } from './autosave-state';

const run = (state: TAutosaveState, ...events: TAutosaveEvent[]) => events.reduce(autosaveReducer, state);
const start = initialAutosaveState(3, '2026-05-04T12:00:00.000Z');

describe('autosave state', () => {
  it('waits after typing, saves, then shows the time of the save and the new revision', () => {
    const waiting = run(start, { type: 'edited' });
    expect(waiting.phase).toBe('waiting');
    expect(hasUnsavedWork(waiting)).toBe(true);
    const saved = run(waiting, { type: 'saveStarted' }, { type: 'saved', revision: 4, updatedAt: '2026-05-04T12:32:00.000Z' });
    expect(saved).toMatchObject({ phase: 'idle', revision: 4, savedAt: '2026-05-04T12:32:00.000Z' });
    expect(hasUnsavedWork(saved)).toBe(false);
  });

  it('asks for one more save when the person typed during a save', () => {
    const state = run(start, { type: 'edited' }, { type: 'saveStarted' }, { type: 'edited' }, { type: 'saved', revision: 4, updatedAt: '2026-05-04T12:32:00.000Z' });
    expect(state.phase).toBe('waiting');
    expect(state.revision).toBe(4);
  });

  it('never goes back to an older revision', () => {
    const state = run(start, { type: 'saveStarted' }, { type: 'saved', revision: 2, updatedAt: '2026-05-04T12:32:00.000Z' });
    expect(state.revision).toBe(3);
  });

  it('stops on a conflict: later edits and saves do not hide it, only a reload ends it', () => {
    const conflict = run(start, { type: 'edited' }, { type: 'saveStarted' }, { type: 'conflict', newerVersionAt: '2026-05-04T12:31:00.000Z' });
    expect(conflict).toMatchObject({ phase: 'conflict', newerVersionAt: '2026-05-04T12:31:00.000Z' });
    const stillConflict = run(conflict, { type: 'edited' }, { type: 'saveStarted' }, { type: 'saved', revision: 9, updatedAt: '2026-05-04T12:40:00.000Z' }, { type: 'failed' });
    expect(stillConflict).toEqual(conflict);
    expect(hasUnsavedWork(stillConflict)).toBe(true);
    const reloaded = run(stillConflict, { type: 'reloaded', revision: 5, updatedAt: '2026-05-04T12:31:00.000Z' });
    expect(reloaded).toEqual(initialAutosaveState(5, '2026-05-04T12:31:00.000Z'));
  });

  it('keeps the server’s words when the draft changed state rather than revision', () => {
    const state = run(start, { type: 'edited' }, { type: 'saveStarted' }, { type: 'conflict', newerVersionAt: null, message: 'Il n’y a pas de brouillon en cours.' });
    expect(state).toMatchObject({ phase: 'conflict', newerVersionAt: null, conflictMessage: 'Il n’y a pas de brouillon en cours.' });
  });

  it('keeps a known conflict date when a later conflict does not carry one', () => {
    const state = run(start, { type: 'conflict', newerVersionAt: '2026-05-04T12:31:00.000Z' }, { type: 'conflict', newerVersionAt: null });
    expect(state.newerVersionAt).toBe('2026-05-04T12:31:00.000Z');
  });

  it('marks a failed save as unsaved work, and typing again tries again', () => {
    const failed = run(start, { type: 'edited' }, { type: 'saveStarted' }, { type: 'failed' });
    expect(failed.phase).toBe('failed');
    expect(hasUnsavedWork(failed)).toBe(true);
    expect(run(failed, { type: 'edited' }).phase).toBe('waiting');
  });
});
