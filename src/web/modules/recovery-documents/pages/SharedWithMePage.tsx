import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TSharedWithMeItem } from '../../../../shared/recovery-sharing';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { fetchSharedWithMe, sharingKeys } from '../api/sharing-api';
import { formatDay } from '../format';
import { recoveryPaths } from '../paths';

/** "Partagés avec moi": the documents persons chose to share with the signed-in user, while the share lasts. */
export function SharedWithMePage() {
  const { t } = useTranslation('recoveryDocuments');
  const shared = useQuery({ queryKey: sharingKeys.sharedWithMe, queryFn: fetchSharedWithMe });
  const columns: Column<TSharedWithMeItem>[] = [
    {
      key: 'document',
      header: t('staff.sharedDocument'),
      rowHeader: true,
      cell: (item) => (
        <Anchor component={Link} to={recoveryPaths.sharedWithMeItem(item.shareId)} fw={600} aria-label={t('staff.sharedOpenLabel', { title: item.title, name: item.ownerName })}>
          {item.title}
        </Anchor>
      ),
    },
    { key: 'from', header: t('staff.sharedFrom'), cell: (item) => item.ownerName },
    { key: 'scope', header: t('staff.sharedScope'), cell: (item) => (item.scopeSections === null ? t('shares.wholeDocument') : t('shares.sectionsCount', { count: item.scopeSections.length })) },
    { key: 'why', header: t('shares.why'), cell: (item) => item.purpose },
    { key: 'until', header: t('staff.sharedUntil'), cell: (item) => formatDay(item.expiresAt) },
  ];
  const items = shared.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('staff.sharedTitle')} description={t('staff.sharedDescription')} />
      {shared.isPending && <LoadingState />}
      <ErrorAlert error={shared.error} onRetry={() => void shared.refetch()} />
      {shared.data && (
        <PaginatedTable caption={t('staff.sharedCaption')} columns={columns} rows={items} rowKey={(item) => item.shareId} total={items.length} page={1} pageSize={Math.max(items.length, 1)} onPageChange={() => undefined} empty={{ title: t('staff.sharedNone') }} minWidth={640} />
      )}
    </Stack>
  );
}
