import { Button, Group, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPart, TWritingStep } from '../editor/content-model';
import { bigButton } from '../ui';

/** "1. Quand je vais bien" stays as the template numbers it; an unnumbered title gets its number. */
export function numberedTitle(title: string, index: number): string {
  return /^\d/.test(title) ? title : `${index + 1}. ${title}`;
}

interface WritingProgressProps {
  parts: readonly TPart[];
  steps: readonly TWritingStep[];
  index: number;
  filled: number;
  onGo: (index: number) => void;
}

/** Where the writer is ("Partie 3 sur 8"), how far the document is ("3 parties sur 8 remplies"), and a jump list. */
export function WritingProgress({ parts, steps, index, filled, onGo }: WritingProgressProps) {
  const { t } = useTranslation('recoveryDocuments');
  const step = steps[index];
  const total = parts.length;
  if (!step) return null;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text fw={700}>
          {t('writing.stepOf', { current: step.partIndex + 1, total })}
          {step.part.sections.length > 1 && (
            <Text span fw={400}>
              {' · '}
              {t('writing.sectionOf', { current: step.indexInPart + 1, total: step.part.sections.length })}
            </Text>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {t('writing.progress', { filled, total })}
        </Text>
      </Group>
      <Progress.Root size="lg">
        <Progress.Section value={total === 0 ? 0 : (filled / total) * 100} aria-label={t('writing.progressLabel')} aria-valuetext={t('writing.progress', { filled, total })} />
      </Progress.Root>
      <NativeSelect
        label={t('writing.goTo')}
        value={String(index)}
        onChange={(event) => onGo(Number(event.currentTarget.value))}
        data={parts.map((part, partIndex) => ({
          group: numberedTitle(part.title, partIndex),
          items: steps.flatMap((item, at) => (item.partIndex === partIndex ? [{ value: String(at), label: item.section.title }] : [])),
        }))}
        size="md"
      />
    </Stack>
  );
}

interface StepButtonsProps {
  index: number;
  total: number;
  onGo: (index: number) => void;
  /** Shown instead of "Suivant" on the last step (e.g. "Relire et valider"). */
  finish?: { label: string; onFinish: () => void };
}

/** "Précédent / Suivant": big, side by side, the forward action on the right. */
export function StepButtons({ index, total, onGo, finish }: StepButtonsProps) {
  const { t } = useTranslation('recoveryDocuments');
  const last = index >= total - 1;
  return (
    <Group justify="space-between" gap="sm" grow preventGrowOverflow={false}>
      <Button variant="default" {...bigButton} onClick={() => onGo(index - 1)} disabled={index === 0}>
        ← {t('writing.previous')}
      </Button>
      {last && finish ? (
        <Button {...bigButton} onClick={finish.onFinish}>
          {finish.label}
        </Button>
      ) : (
        <Button {...bigButton} onClick={() => onGo(index + 1)} disabled={last}>
          {t('writing.next')} →
        </Button>
      )}
    </Group>
  );
}
