import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TShareCreated } from '../../../../shared/recovery-sharing';
import { bigButton } from '../ui';

/**
 * The outside link and its access code, shown this one time (the server keeps hashes only), with
 * "copy" buttons and the advice to give the code by another way than the e-mail.
 */
export function ShareCreatedPanel({ created, onDone }: { created: TShareCreated; onDone: () => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const title = useRef<HTMLDivElement | null>(null);
  useEffect(() => title.current?.focus(), []);
  if (!created.link || !created.accessCode) return null;
  return (
    <Alert color="green" title={<div ref={title} tabIndex={-1}>{t('shares.linkTitle', { label: created.share.recipient.label })}</div>} data-testid="share-created">
      <Stack gap="sm">
        <Text>{t('shares.linkIntro')}</Text>
        <Text fw={700}>{t('shares.linkOnce')}</Text>
        <SecretRow label={t('shares.link')} value={created.link} copyLabel={t('shares.copyLink')} />
        <SecretRow label={t('shares.code')} value={created.accessCode} copyLabel={t('shares.copyCode')} large />
        <div>
          <Button {...bigButton} variant="default" onClick={onDone}>
            {t('shares.linkDone')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function SecretRow({ label, value, copyLabel, large = false }: { label: string; value: string; copyLabel: string; large?: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput label={label} value={value} readOnly size="md" style={{ flex: '1 1 14rem', minWidth: 0 }} styles={large ? { input: { fontSize: 'var(--mantine-font-size-xl)', fontFamily: 'monospace', letterSpacing: 2 } } : undefined} onFocus={(event) => event.currentTarget.select()} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="light" mih={44} size="md" onClick={copy} aria-label={copyLabel}>
            {copied ? t('shares.copied') : t('shares.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
