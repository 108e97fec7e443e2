import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClock, formatMoment, isParisToday } from '../format';
import type { TAutosaveState } from './autosave-state';

/**
 * "Enregistré à 14 h 32", read out politely by screen readers. The conflict has its own alert;
 * a failure keeps the text in the fields and offers to try again.
 */
export function AutosaveStatus({ state, onRetry, live = true }: { state: TAutosaveState; onRetry: () => void; live?: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  const message = (() => {
    switch (state.phase) {
      case 'waiting':
        return t('autosave.waiting');
      case 'saving':
        return t('autosave.saving');
      case 'failed':
        return t('autosave.failed');
      case 'conflict':
        return t('autosave.conflictTitle');
      case 'idle':
        if (!state.savedAt) return t('autosave.notYet');
        // A save of another day says its date: "à 11 h 00" alone would read as today.
        return isParisToday(state.savedAt) ? t('autosave.saved', { time: formatClock(state.savedAt) }) : t('autosave.savedOn', { date: formatMoment(state.savedAt, t('views.at')) });
    }
  })();
  return (
    <Group gap="sm" wrap="wrap" mih={44}>
      <Text role={live ? 'status' : undefined} size="sm" fw={state.phase === 'failed' ? 700 : 500} c={state.phase === 'failed' ? 'red.8' : 'dimmed'} data-autosave={state.phase}>
        {message}
      </Text>
      {state.phase === 'failed' && (
        <Button variant="outline" color="red" size="sm" mih={44} onClick={onRetry}>
          {t('autosave.retry')}
        </Button>
      )}
    </Group>
  );
}
