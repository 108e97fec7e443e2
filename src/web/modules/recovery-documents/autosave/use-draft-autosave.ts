import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { TDocumentContent, TSectionContent, TTemplateSection } from '../../../../shared/recovery-documents';
import { ZStaleRevisionProblem } from '../../../../shared/recovery-documents-api';
import { isApiError } from '../../../app/api-error';
import { fetchDocument, saveSection } from '../api/documents-api';
import { cleanSection } from '../editor/content-model';
import { autosaveReducer, hasUnsavedWork, initialAutosaveState } from './autosave-state';

/** A pause this long after the last keystroke saves what was typed. */
export const AUTOSAVE_DELAY_MS = 1000;

interface TDraftSnapshot {
  revision: number;
  updatedAt: string;
  content: TDocumentContent;
}

interface UseDraftAutosaveOptions {
  documentId: string;
  draft: TDraftSnapshot;
  sections: readonly TTemplateSection[];
  /** Sent with every save by a facilitator (the server refuses their saves without it). */
  inPresenceOfPerson?: boolean;
}

/**
 * The draft as the writer types it, saved section by section after a pause. On a 409 nothing is
 * overwritten: saves stop, the fields keep the text, and `reload` brings the newer version while
 * handing back what could not be saved (`unsaved`) so the writer can copy it.
 */
export function useDraftAutosave({ documentId, draft, sections, inPresenceOfPerson }: UseDraftAutosaveOptions) {
  const [content, setContent] = useState<TDocumentContent>(draft.content);
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosaveState(draft.revision, draft.updatedAt));
  const [unsaved, setUnsaved] = useState<string[] | null>(null);

  const contentRef = useRef(content);
  const revisionRef = useRef(draft.revision);
  const pendingRef = useRef(new Set<string>());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const savingRef = useRef(false);
  const rerunRef = useRef(false);
  const conflictRef = useRef(false);
  const presenceRef = useRef(inPresenceOfPerson);
  presenceRef.current = inPresenceOfPerson;
  const sectionsByCode = useMemo(() => new Map(sections.map((section) => [section.code, section])), [sections]);

  const runSaves = useCallback(async (): Promise<void> => {
    if (conflictRef.current) return;
    if (savingRef.current) {
      rerunRef.current = true;
      return;
    }
    const codes = [...pendingRef.current];
    if (codes.length === 0) return;
    savingRef.current = true;
    try {
      for (const code of codes) {
        const section = sectionsByCode.get(code);
        pendingRef.current.delete(code);
        if (!section) continue;
        dispatch({ type: 'saveStarted' });
        try {
          const result = await saveSection(documentId, code, {
            revision: revisionRef.current,
            content: cleanSection(section, contentRef.current[code] ?? {}),
            ...(presenceRef.current === undefined ? {} : { inPresenceOfPerson: presenceRef.current }),
          });
          revisionRef.current = Math.max(revisionRef.current, result.revision);
          dispatch({ type: 'saved', revision: result.revision, updatedAt: result.updatedAt });
        } catch (error) {
          pendingRef.current.add(code);
          if (isApiError(error) && error.status === 409) {
            conflictRef.current = true;
            const stale = ZStaleRevisionProblem.safeParse(error.body);
            if (stale.success) dispatch({ type: 'conflict', newerVersionAt: stale.data.newerVersionAt });
            // Not a newer save but a new state (validated or withdrawn meanwhile): the server says which.
            else dispatch({ type: 'conflict', newerVersionAt: null, message: error.title });
          } else {
            dispatch({ type: 'failed' });
          }
          return;
        }
      }
    } finally {
      savingRef.current = false;
    }
    if (rerunRef.current) {
      rerunRef.current = false;
      await runSaves();
    }
  }, [documentId, sectionsByCode]);

  const flush = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    void runSaves();
  }, [runSaves]);

  const setSection = useCallback(
    (code: string, sectionContent: TSectionContent) => {
      contentRef.current = { ...contentRef.current, [code]: sectionContent };
      setContent(contentRef.current);
      pendingRef.current.add(code);
      dispatch({ type: 'edited' });
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void runSaves();
      }, AUTOSAVE_DELAY_MS);
    },
    [runSaves],
  );

  /** After a conflict: the newer version replaces the fields; what was typed is handed back. */
  const reload = useCallback(async (sectionAsText: (code: string) => string) => {
    const fresh = await fetchDocument(documentId);
    const lost = [...pendingRef.current].map(sectionAsText);
    pendingRef.current.clear();
    conflictRef.current = false;
    const freshDraft = fresh.draft;
    contentRef.current = freshDraft?.content ?? {};
    setContent(contentRef.current);
    revisionRef.current = freshDraft?.revision ?? revisionRef.current;
    dispatch({ type: 'reloaded', revision: revisionRef.current, updatedAt: freshDraft?.updatedAt ?? null });
    setUnsaved(lost.length > 0 ? lost : null);
    return fresh;
  }, [documentId]);

  /** Sections typed but not saved yet (for "copy what I wrote" during a conflict). */
  const pendingSections = useCallback(() => [...pendingRef.current], []);

  // Closing the tab with unsaved text asks first; the browser shows its own wording.
  const unsavedWork = hasUnsavedWork(state);
  useEffect(() => {
    if (!unsavedWork) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsavedWork]);

  // Leaving the page (another route) saves what is waiting rather than dropping it.
  useEffect(
    () => () => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        void runSaves();
      }
    },
    [runSaves],
  );

  return { content, state, setSection, flush, reload, unsaved, dismissUnsaved: () => setUnsaved(null), pendingSections, revision: () => revisionRef.current };
}
