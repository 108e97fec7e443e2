import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';

/** After reloading over a conflict: the text that could not be saved, to copy back where wanted. */
export function UnsavedPanel({ texts, onDismiss }: { texts: string[]; onDismiss: () => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = texts.join('\n\n');
  return (
    <Alert color="orange" title={t('autosave.unsavedTitle')}>
      <Stack gap="sm">
        <Text>{t('autosave.unsavedHint')}</Text>
        <Textarea label={t('autosave.unsavedLabel')} value={text} readOnly autosize minRows={3} maxRows={12} size="md" />
        <Group gap="sm">
          <Button variant="outline" mih={44} onClick={async () => setCopied(await copyText(text))}>
            {t('autosave.copyMine')}
          </Button>
          <Button variant="default" mih={44} onClick={onDismiss}>
            {t('autosave.dismiss')}
          </Button>
        </Group>
        <Text role="status" size="sm">
          {copied === true ? t('autosave.copied') : copied === false ? t('autosave.copyFailed') : ''}
        </Text>
      </Stack>
    </Alert>
  );
}
