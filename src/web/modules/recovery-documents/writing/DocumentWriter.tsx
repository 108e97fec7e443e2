import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { documentKeys } from '../api/documents-api';
import { hasUnsavedWork } from '../autosave/autosave-state';
import { AutosaveStatus } from '../autosave/AutosaveStatus';
import { ConflictAlert } from '../autosave/ConflictAlert';
import { UnsavedPanel } from '../autosave/UnsavedPanel';
import { useDraftAutosave } from '../autosave/use-draft-autosave';
import { filledParts, sectionAsText, templateParts, writingSteps } from '../editor/content-model';
import { SectionEditor } from '../editor/SectionEditor';
import { numberedTitle, StepButtons, WritingProgress } from './PartNavigator';

type TDraft = NonNullable<TDocumentDetail['draft']>;

interface DocumentWriterProps {
  detail: TDocumentDetail;
  draft: TDraft;
  /** A facilitator writes only once the person's presence is confirmed; the owner always may. */
  inPresenceOfPerson?: boolean;
  disabled?: boolean;
  /** The last part's forward button (the owner goes on to validate). */
  finish?: { label: string; onFinish: () => void };
  /** Below the parts (the owner's validation): knows the draft's current revision and whether all is saved. */
  renderAfter?: (writer: TWriterState) => ReactNode;
}

export interface TWriterState {
  revision: () => number;
  allSaved: boolean;
  flush: () => void;
}

const SECTION_PARAM = 'partie';

/**
 * Writing a draft one section at a time (short screens on a phone), each placed in its part:
 * "Précédent / Suivant", progress in parts, autosave. Changing section saves what is waiting and
 * moves the focus to the section's title. The section is in the address (`?partie=`), so a reload
 * or the browser's back button keeps the place.
 */
export function DocumentWriter({ detail, draft, inPresenceOfPerson, disabled, finish, renderAfter }: DocumentWriterProps) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const template = detail.template.definition;
  const parts = useMemo(() => templateParts(template), [template]);
  const steps = useMemo(() => writingSteps(parts), [parts]);
  const [search, setSearch] = useSearchParams();
  const requested = steps.findIndex((step) => step.section.code === search.get(SECTION_PARAM));
  const index = requested >= 0 ? requested : 0;
  const step = steps[index];
  const autosave = useDraftAutosave({ documentId: detail.document.id, draft, sections: template.sections, inPresenceOfPerson });
  const [reloading, setReloading] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);
  const yesNo = { yes: t('editor.yes'), no: t('editor.no') };

  const go = useCallback(
    (next: number) => {
      const target = steps[Math.max(0, Math.min(steps.length - 1, next))];
      if (!target) return;
      autosave.flush();
      moved.current = true;
      setSearch((params) => {
        const copy = new URLSearchParams(params);
        copy.set(SECTION_PARAM, target.section.code);
        return copy;
      });
    },
    [autosave, setSearch, steps],
  );

  // Focus on the new section's title, so keyboard and screen reader users start reading there.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [index]);

  const unsavedText = () =>
    autosave
      .pendingSections()
      .map((code) => {
        const section = template.sections.find((item) => item.code === code);
        return section ? sectionAsText(section, autosave.content[code], yesNo) : '';
      })
      .join('\n\n');

  const reload = async () => {
    setReloading(true);
    try {
      await autosave.reload((code) => {
        const section = template.sections.find((item) => item.code === code);
        return section ? sectionAsText(section, autosave.content[code], yesNo) : '';
      });
      await queryClient.invalidateQueries({ queryKey: documentKeys.document(detail.document.id) });
    } finally {
      setReloading(false);
    }
  };

  if (!step) return null;
  const headingId = `section-${step.section.code}-title`;

  return (
    <Stack gap="md">
      <WritingProgress parts={parts} steps={steps} index={index} filled={filledParts(parts, autosave.content)} onGo={go} />
      <AutosaveStatus state={autosave.state} onRetry={autosave.flush} />
      {autosave.state.phase === 'conflict' && <ConflictAlert newerVersionAt={autosave.state.newerVersionAt} message={autosave.state.conflictMessage} unsavedText={unsavedText} onReload={() => void reload()} reloading={reloading} />}
      {autosave.unsaved && <UnsavedPanel texts={autosave.unsaved} onDismiss={autosave.dismissUnsaved} />}
      <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby={headingId}>
        <Stack gap="lg">
          <div>
            {/* The part above its section, when the part has several (a lone section repeats its part's title). */}
            {step.part.sections.length > 1 && (
              <Text size="sm" fw={600} c="dimmed">
                {numberedTitle(step.part.title, step.partIndex)}
              </Text>
            )}
            <Title order={2} id={headingId} ref={heading} tabIndex={-1} style={{ outlineOffset: 4 }}>
              {step.section.title}
            </Title>
          </div>
          {disabled && <Text c="dimmed">{t('staff.presenceRequired')}</Text>}
          <SectionEditor
            key={step.section.code}
            section={step.section}
            content={autosave.content[step.section.code]}
            onChange={(content) => autosave.setSection(step.section.code, content)}
            disabled={disabled}
            showTitle={false}
          />
        </Stack>
      </Paper>
      {/* A second, silent copy near the buttons: the first one is the live region. */}
      <AutosaveStatus state={autosave.state} onRetry={autosave.flush} live={false} />
      <StepButtons
        index={index}
        total={steps.length}
        onGo={go}
        finish={
          finish
            ? {
                label: finish.label,
                onFinish: () => {
                  autosave.flush();
                  finish.onFinish();
                },
              }
            : undefined
        }
      />
      {renderAfter?.({ revision: autosave.revision, allSaved: !hasUnsavedWork(autosave.state), flush: autosave.flush })}
    </Stack>
  );
}
