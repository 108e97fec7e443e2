import { Paper, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ZOrganizationSummary } from '../../../../shared/admin';
import { formatDate } from '../../../app/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { adminKeys, fetchOrganizations, PAGE_SIZE } from '../admin-api';
import { pageFrom, withParams } from '../search-params';
import { OrganizationForm } from './OrganizationForm';

type TOrganization = z.output<typeof ZOrganizationSummary>;

export function OrganizationsPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const organizations = useQuery({
    queryKey: adminKeys.organizations(page),
    queryFn: () => fetchOrganizations({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<TOrganization>[] = [
    { key: 'name', header: t('organizations.columns.name'), rowHeader: true, cell: (row) => row.name },
    { key: 'slug', header: t('organizations.columns.slug'), cell: (row) => row.slug },
    { key: 'region', header: t('organizations.columns.region'), cell: (row) => row.region },
    { key: 'users', header: t('organizations.columns.users'), cell: (row) => row.userCount },
    { key: 'createdAt', header: t('organizations.columns.createdAt'), cell: (row) => formatDate(row.createdAt) },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t('organizations.title')} description={t('organizations.description')} />
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="organization-form-title">
        <Title order={2} size="h4" mb="sm" id="organization-form-title">
          {t('organizations.formTitle')}
        </Title>
        <OrganizationForm />
      </Paper>
      {organizations.isError && <ErrorAlert error={organizations.error} onRetry={() => void organizations.refetch()} />}
      {organizations.isPending && <LoadingState />}
      {organizations.data && (
        <PaginatedTable
          caption={t('organizations.caption')}
          columns={columns}
          rows={organizations.data.items}
          rowKey={(row) => row.id}
          total={organizations.data.total}
          page={organizations.data.page}
          pageSize={organizations.data.pageSize}
          onPageChange={(next) => setParams(withParams(params, { page: next }))}
          empty={{ title: t('organizations.empty'), hint: t('organizations.emptyHint') }}
          refreshing={organizations.isPlaceholderData}
          minWidth={720}
        />
      )}
    </Stack>
  );
}
