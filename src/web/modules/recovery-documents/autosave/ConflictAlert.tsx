import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../format';
import { bigButton } from '../ui';
import { copyText } from './copy-text';

interface ConflictAlertProps {
  newerVersionAt: string | null;
  /** The server's message when the draft changed state (no longer a draft) rather than revision. */
  message: string | null;
  /** What the writer typed and could not save, as plain text. */
  unsavedText: () => string;
  onReload: () => void;
  reloading: boolean;
}

/** The 409: said plainly, with the date of the newer save; nothing typed is lost (copy first, then reload). */
export function ConflictAlert({ newerVersionAt, message: stateMessage, unsavedText, onReload, reloading }: ConflictAlertProps) {
  const { t } = useTranslation('recoveryDocuments');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [fallback, setFallback] = useState('');
  const message = newerVersionAt ? t('autosave.conflict', { date: formatMoment(newerVersionAt, t('views.at')) }) : (stateMessage ?? t('autosave.conflictNoDate'));
  return (
    <Alert color="orange" title={t('autosave.conflictTitle')} role="alert" data-testid="autosave-conflict">
      <Stack gap="sm">
        <Text fw={700}>{message}</Text>
        <Text>{t('autosave.conflictHint')}</Text>
        <Group gap="sm">
          <Button
            variant="outline"
            {...bigButton}
            onClick={async () => {
              const text = unsavedText();
              const done = await copyText(text);
              setCopy(done ? 'copied' : 'failed');
              setFallback(done ? '' : text);
            }}
          >
            {t('autosave.copyMine')}
          </Button>
          <Button {...bigButton} onClick={onReload} loading={reloading}>
            {t('autosave.reload')}
          </Button>
        </Group>
        <Text role="status" size="sm">
          {copy === 'copied' ? t('autosave.copied') : copy === 'failed' ? t('autosave.copyFailed') : ''}
        </Text>
        {copy === 'failed' && <Textarea label={t('autosave.unsavedLabel')} value={fallback} readOnly autosize minRows={3} maxRows={12} />}
      </Stack>
    </Alert>
  );
}
