import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TShare, TShareStatus } from '../../../../shared/recovery-sharing';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { revokeShare, sharingKeys, withdrawalProofUrl } from '../api/sharing-api';
import { formatDay } from '../format';

const STATUS_COLORS: Record<TShareStatus, string> = { active: 'green', expired: 'gray', revoked: 'gray', locked: 'red', used: 'passerelle' };

/** The person's shares, newest first: who, what, until when, why, state; withdraw at once, proof after. */
export function ShareList({ detail, shares }: { detail: TDocumentDetail; shares: TShare[] }) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<TShare | null>(null);
  const [revoked, setRevoked] = useState(false);
  const revoke = useMutation({
    mutationFn: (share: TShare) => revokeShare(detail.document.id, share.id),
    onSuccess: async () => {
      setRevoking(null);
      setRevoked(true);
      await queryClient.invalidateQueries({ queryKey: sharingKeys.shares(detail.document.id) });
    },
  });
  const sectionTitle = (code: string) => detail.template.definition.sections.find((section) => section.code === code)?.title ?? code;
  if (shares.length === 0) return <Text>{t('shares.none')}</Text>;
  return (
    <Stack gap="sm">
      {revoked && <SuccessAlert onClose={() => setRevoked(false)}>{t('shares.revoked')}</SuccessAlert>}
      <ErrorAlert error={revoke.error} />
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('shares.caption')}>
        {shares.map((share) => (
          <Paper component="li" key={share.id} withBorder p="md" radius="md" data-share={share.id}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <Text fw={700} fz="lg" className="break-anywhere">
                  {share.recipient.label}
                  {share.recipient.kind === 'external' && (
                    <Text span c="dimmed" fw={400} fz="sm">
                      {' '}
                      ({t('shares.outside')})
                    </Text>
                  )}
                </Text>
                <Badge color={STATUS_COLORS[share.status]}>{t(`shares.shareStatus.${share.status}`)}</Badge>
              </Group>
              <Text size="sm">
                <Text span fw={600}>
                  {t('shares.what')} :{' '}
                </Text>
                {share.scopeSections === null ? t('shares.wholeDocument') : share.scopeSections.map(sectionTitle).join(', ')} —{' '}
                {share.versionNo === null ? t('shares.latest') : t('shares.fixedVersion', { number: share.versionNo })}
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  {t('shares.until')} :{' '}
                </Text>
                {formatDay(share.expiresAt)}
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  {t('shares.why')} :{' '}
                </Text>
                {share.purpose}
              </Text>
              {share.revokedAt && <Text size="sm">{t('shares.revokedOn', { date: formatDay(share.revokedAt) })}</Text>}
              {share.status === 'locked' && (
                <Text size="sm" c="red.8" fw={600}>
                  {t('shares.lockedHint')}
                </Text>
              )}
              <Group gap="sm" mt={4}>
                {(share.status === 'active' || share.status === 'locked' || share.status === 'used') && (
                  <Button variant="outline" color="red" mih={44} size="md" onClick={() => setRevoking(share)} aria-label={t('shares.revokeLabel', { label: share.recipient.label })}>
                    {t('shares.revoke')}
                  </Button>
                )}
                {share.revokedAt && (
                  <Anchor href={withdrawalProofUrl(detail.document.id, share.id)} download style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }} aria-label={t('shares.proofLabel', { label: share.recipient.label })}>
                    {t('shares.proof')}
                  </Anchor>
                )}
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('shares.revokeTitle')}
        confirmLabel={t('shares.revokeConfirm')}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(null)}
        loading={revoke.isPending}
        danger
      >
        {t('shares.revokeText', { label: revoking?.recipient.label ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
