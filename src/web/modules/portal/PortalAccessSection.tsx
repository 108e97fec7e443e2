import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPortalAccount } from '../../../shared/portal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { fetchPortalAccount, invitePerson, portalKeys } from './portal-api';
import { formatDay } from './portal-format';

function statusText(account: TPortalAccount, t: ReturnType<typeof useTranslation<'portal'>>['t']): string {
  const date = account.invitedAt ? formatDay(account.invitedAt) : '';
  switch (account.status) {
    case 'invited':
      return t('staffAccess.status.invited', { date, email: account.email ?? '', until: account.invitationExpiresAt ? formatDay(account.invitationExpiresAt) : '' });
    case 'active':
      return t('staffAccess.status.active', { date });
    case 'deactivated':
      return t('staffAccess.status.deactivated');
    case 'none':
      return t('staffAccess.status.none');
  }
}

/**
 * For the person's record page (staff side): whether the person has a personal space, and the
 * invitation button for those allowed (coordinators, the person's referent peer workers).
 */
export function PortalAccessSection({ personId }: { personId: string }) {
  const { t } = useTranslation('portal');
  const headingId = useId();
  const queryClient = useQueryClient();
  const account = useQuery({ queryKey: portalKeys.account(personId), queryFn: () => fetchPortalAccount(personId) });
  const invite = useMutation({
    mutationFn: () => invitePerson(personId),
    onSuccess: (updated) => queryClient.setQueryData(portalKeys.account(personId), updated),
  });

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('staffAccess.title')}
        </Title>
        {account.isPending && <LoadingState />}
        {account.isError && <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />}
        {account.data && (
          <>
            <Text>{statusText(account.data, t)}</Text>
            <Text size="sm" c="dimmed">
              {t('staffAccess.explain')}
            </Text>
            {invite.isSuccess && (
              <SuccessAlert onClose={() => invite.reset()}>{t('staffAccess.sent', { email: invite.data.email ?? '' })}</SuccessAlert>
            )}
            <ErrorAlert error={invite.error} />
            {account.data.policies.invite &&
              (account.data.email ? (
                <Group>
                  <Button onClick={() => invite.mutate()} loading={invite.isPending}>
                    {account.data.status === 'invited' ? t('staffAccess.reinvite') : t('staffAccess.invite')}
                  </Button>
                </Group>
              ) : (
                <Text>{t('staffAccess.noEmail')}</Text>
              ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
