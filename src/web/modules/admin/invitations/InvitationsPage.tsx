import { Paper, Stack, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { adminKeys, fetchInvitations, PAGE_SIZE, revokeInvitation } from '../admin-api';
import { pageFrom, withParams } from '../search-params';
import { InvitationForm } from './InvitationForm';
import { InvitationsTable, type TInvitation } from './InvitationsTable';

export function InvitationsPage() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const [toRevoke, setToRevoke] = useState<TInvitation | null>(null);
  const invitations = useQuery({
    queryKey: adminKeys.invitations(page),
    queryFn: () => fetchInvitations({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (invitation: TInvitation) => revokeInvitation(invitation.id),
    onSettled: () => {
      setToRevoke(null);
      void queryClient.invalidateQueries({ queryKey: adminKeys.invitationsAll });
    },
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('invitations.title')} description={t('invitations.description')} />
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="invitation-form-title">
        <Title order={2} size="h4" mb="sm" id="invitation-form-title">
          {t('invitations.formTitle')}
        </Title>
        <InvitationForm />
      </Paper>
      <Stack component="section" gap="sm">
        <Title order={2} size="h4" id="invitation-list-title">
          {t('invitations.listTitle')}
        </Title>
        {revoke.isSuccess && <SuccessAlert onClose={() => revoke.reset()}>{t('invitations.revoked')}</SuccessAlert>}
        <ErrorAlert error={revoke.error} />
        {invitations.isError && <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />}
        {invitations.isPending && <LoadingState />}
        {invitations.data && (
          <InvitationsTable
            rows={invitations.data.items}
            total={invitations.data.total}
            page={invitations.data.page}
            pageSize={invitations.data.pageSize}
            onPageChange={(next) => setParams(withParams(params, { page: next }))}
            refreshing={invitations.isPlaceholderData}
            onRevoke={setToRevoke}
          />
        )}
      </Stack>
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        danger
        loading={revoke.isPending}
        onCancel={() => setToRevoke(null)}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke)}
      >
        {t('invitations.revokeText', { email: toRevoke?.email ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
