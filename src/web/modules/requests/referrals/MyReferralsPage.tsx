import { Button, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { pageFrom, withParams } from '../../admin/search-params';
import { UrgencyBadge } from '../RequestBadges';
import { fetchOwnReferrals, PAGE_SIZE, requestKeys, type TReferralStatus } from '../requests-api';
import { PartnerStatusBadge } from './PartnerStatusBadge';

function Answer({ referral }: { referral: TReferralStatus }) {
  const { t } = useTranslation('requests');
  if (!referral.decision) return <Text size="sm" c="dimmed">{t('mine.noAnswer')}</Text>;
  const handoff = [referral.handoffTo, referral.handoffStructure].filter(Boolean).join(' — ');
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t(`decision.${referral.decision}`)}
      </Text>
      {referral.decisionReason && (
        <Text size="sm" className="break-anywhere">
          {referral.decisionReason}
        </Text>
      )}
      {handoff && (
        <Text size="sm" className="break-anywhere">
          {t('mine.handoff', { to: handoff })}
        </Text>
      )}
    </Stack>
  );
}

/** "Mes orientations": a partner's own referrals, their progress only, never the person's file. */
export function MyReferralsPage() {
  const { t } = useTranslation('requests');
  const [params, setParams] = useSearchParams();
  const query = { page: pageFrom(params), pageSize: PAGE_SIZE };
  const referrals = useQuery({
    queryKey: requestKeys.referrals(query),
    queryFn: ({ signal }) => fetchOwnReferrals(query, signal),
    placeholderData: keepPreviousData,
  });
  const columns: Column<TReferralStatus>[] = [
    {
      key: 'reference',
      header: t('mine.columns.reference'),
      rowHeader: true,
      cell: (referral) => (
        <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {referral.reference}
        </Text>
      ),
    },
    { key: 'receivedAt', header: t('mine.columns.receivedAt'), cell: (referral) => formatDate(referral.receivedAt) },
    { key: 'urgency', header: t('mine.columns.urgency'), cell: (referral) => <UrgencyBadge urgency={referral.urgency} /> },
    { key: 'status', header: t('mine.columns.status'), cell: (referral) => <PartnerStatusBadge status={referral.status} /> },
    { key: 'answer', header: t('mine.columns.answer'), cell: (referral) => <Answer referral={referral} /> },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('mine.title')}
        description={t('mine.description')}
        actions={
          <Button component={Link} to={paths.newReferral}>
            {t('mine.create')}
          </Button>
        }
      />
      <Text role="status" size="sm" fw={600}>
        {referrals.data ? t('mine.count', { count: referrals.data.total }) : ''}
      </Text>
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.isPending && <LoadingState />}
      {referrals.data && (
        <PaginatedTable
          caption={t('mine.caption')}
          columns={columns}
          rows={referrals.data.items}
          rowKey={(referral) => referral.id}
          total={referrals.data.total}
          page={referrals.data.page}
          pageSize={referrals.data.pageSize}
          onPageChange={(page) => setParams(withParams(params, { page }))}
          empty={{ title: t('mine.empty'), hint: t('mine.emptyHint') }}
          minWidth={820}
          refreshing={referrals.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
