import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesStepProps {
  codes: readonly string[];
  email: string;
  onDone: () => void;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Shown once: the person must say the codes are safe before leaving the page. */
export function RecoveryCodesStep({ codes, email, onDone }: RecoveryCodesStepProps) {
  const { t } = useTranslation('auth');
  const clipboard = useClipboard({ timeout: 3000 });
  const [saved, setSaved] = useState(false);
  const text = `${t('twoFactor.codes.fileHeader', { email })}\n\n${codes.join('\n')}\n`;

  return (
    <Stack gap="md">
      <Text>{t('twoFactor.codes.intro')}</Text>
      <Alert color="orange" role="note">
        {t('twoFactor.codes.warning')}
      </Alert>
      <Text fw={700} id="recovery-codes-label">
        {t('twoFactor.codes.listLabel')}
      </Text>
      <SimpleGrid
        component="ol"
        cols={2}
        spacing="xs"
        aria-labelledby="recovery-codes-label"
        style={{ margin: 0, paddingInlineStart: '1.5rem', fontFamily: 'var(--mantine-font-family-monospace)' }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <Button variant="outline" onClick={() => clipboard.copy(codes.join('\n'))}>
          {clipboard.copied ? t('twoFactor.codes.copied') : t('twoFactor.codes.copy')}
        </Button>
        <Button variant="outline" onClick={() => download(t('twoFactor.codes.fileName'), text)}>
          {t('twoFactor.codes.download')}
        </Button>
      </Group>
      <Text role="status" size="sm" c="green.9" aria-live="polite">
        {clipboard.copied ? t('twoFactor.codes.copied') : ''}
      </Text>
      <Checkbox
        label={t('twoFactor.codes.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button onClick={onDone} disabled={!saved}>
        {t('twoFactor.codes.continue')}
      </Button>
    </Stack>
  );
}
