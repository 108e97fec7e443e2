import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { adminKeys, fetchUser } from '../admin-api';
import { UserEditForm } from './UserEditForm';

export function UserDetailPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: adminKeys.user(id), queryFn: () => fetchUser(id) });
  const back = { to: paths.users, label: t('user.back') };
  const [saved, setSaved] = useState(false);

  return (
    <Stack gap="md">
      <PageHeader
        title={user.data?.name ?? t('user.title')}
        description={
          user.data
            ? `${user.data.email} · ${t('user.createdAt', { date: formatDate(user.data.createdAt) })}`
            : undefined
        }
        back={back}
      />
      {user.isPending && <LoadingState />}
      {user.isError && <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && (
        <>
          {!user.data.policies.update && <Text>{t('user.readOnly')}</Text>}
          {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('user.saved')}</SuccessAlert>}
          {/* A new version (after save or reload) resets the form to what the server holds. */}
          <UserEditForm
            key={user.data.version}
            user={user.data}
            onReload={() => void user.refetch()}
            onSavedChange={setSaved}
          />
        </>
      )}
    </Stack>
  );
}
