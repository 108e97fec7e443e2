/**
 * What the writer sees of the autosave, as a pure state machine (tested in autosave-state.test.ts):
 * typing → waiting for a pause → saving → saved at a time; a newer save elsewhere → conflict, which
 * stops every save until the writer reloads (what they typed stays in the fields meanwhile).
 */
export type TAutosavePhase = 'idle' | 'waiting' | 'saving' | 'conflict' | 'failed';

export interface TAutosaveState {
  phase: TAutosavePhase;
  /** The draft's revision on the server as last known: the next save starts from it. */
  revision: number;
  /** When the last save of this writer went through (ISO). */
  savedAt: string | null;
  /** Edits typed while a save was on its way: they need one more save. */
  editedWhileSaving: boolean;
  /** When the newer version was saved (ISO), once known. */
  newerVersionAt: string | null;
  /** The server's own words when the draft changed state meanwhile (validated, withdrawn) rather than revision. */
  conflictMessage: string | null;
}

export type TAutosaveEvent =
  | { type: 'edited' }
  | { type: 'saveStarted' }
  | { type: 'saved'; revision: number; updatedAt: string }
  | { type: 'failed' }
  | { type: 'conflict'; newerVersionAt: string | null; message?: string }
  | { type: 'reloaded'; revision: number; updatedAt: string | null };

export function initialAutosaveState(revision: number, savedAt: string | null): TAutosaveState {
  return { phase: 'idle', revision, savedAt, editedWhileSaving: false, newerVersionAt: null, conflictMessage: null };
}

export function autosaveReducer(state: TAutosaveState, event: TAutosaveEvent): TAutosaveState {
  switch (event.type) {
    case 'edited':
      if (state.phase === 'conflict') return state;
      if (state.phase === 'saving') return { ...state, editedWhileSaving: true };
      return { ...state, phase: 'waiting' };
    case 'saveStarted':
      if (state.phase === 'conflict') return state;
      return { ...state, phase: 'saving', editedWhileSaving: false };
    case 'saved':
      if (state.phase === 'conflict') return state;
      return {
        ...state,
        phase: state.editedWhileSaving ? 'waiting' : 'idle',
        revision: Math.max(state.revision, event.revision),
        savedAt: event.updatedAt,
      };
    case 'failed':
      if (state.phase === 'conflict') return state;
      return { ...state, phase: 'failed', editedWhileSaving: false };
    case 'conflict':
      return {
        ...state,
        phase: 'conflict',
        editedWhileSaving: false,
        newerVersionAt: event.newerVersionAt ?? state.newerVersionAt,
        conflictMessage: event.message ?? state.conflictMessage,
      };
    case 'reloaded':
      return initialAutosaveState(event.revision, event.updatedAt);
  }
}

/** Whether something typed has not reached the server yet (leaving the page would lose it). */
export function hasUnsavedWork(state: TAutosaveState): boolean {
  return state.phase === 'waiting' || state.phase === 'saving' || state.phase === 'failed' || state.phase === 'conflict';
}
