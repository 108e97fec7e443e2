import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DEPARTEMENTS, ZDepartement, type TPersonSummary } from '../../../shared/persons';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { PaginatedTable, type Column } from '../../ui/PaginatedTable';
import { pageFrom, withParams } from '../admin/search-params';
import { canCreatePersons } from '../requests/access';
import { fetchPersons, PAGE_SIZE, personKeys, type TPersonListQuery } from './persons-api';

function PersonsTable(props: {
  rows: readonly TPersonSummary[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation('persons');
  const columns: Column<TPersonSummary>[] = [
    {
      key: 'name',
      header: t('list.columns.name'),
      rowHeader: true,
      cell: (person) => (
        <Anchor component={Link} to={paths.person(person.id)} fw={600} className="break-anywhere">
          {person.displayName}
        </Anchor>
      ),
    },
    { key: 'birthYear', header: t('list.columns.birthYear'), cell: (person) => person.birthYear ?? '—' },
    {
      key: 'territory',
      header: t('list.columns.territory'),
      cell: (person) => (
        <Stack gap={2}>
          <Text size="sm">{person.communeName}</Text>
          <Text size="xs" c="dimmed">
            {person.departement} — {t(`departements.${person.departement}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'lastContact',
      header: t('list.columns.lastContact'),
      cell: (person) => (person.lastContactAt ? formatDate(person.lastContactAt) : t('list.never')),
    },
  ];
  return (
    <PaginatedTable
      caption={t('list.caption')}
      columns={columns}
      rowKey={(person) => person.id}
      empty={{ title: t('list.empty'), hint: t('list.emptyHint') }}
      minWidth={640}
      {...props}
    />
  );
}

/** Persons, searched without caring for accents or capitals. Filters live in the address. */
export function PersonsPage() {
  const { t } = useTranslation('persons');
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('recherche') ?? '';
  const departement = ZDepartement.safeParse(params.get('departement')).data;
  const query: TPersonListQuery = {
    page: pageFrom(params),
    pageSize: PAGE_SIZE,
    search: search || undefined,
    departement,
  };
  const persons = useQuery({
    queryKey: personKeys.list(query),
    queryFn: ({ signal }) => fetchPersons(query, signal),
    placeholderData: keepPreviousData,
  });
  const [typed, setTyped] = useState(search);
  const unsaved = useRef<Record<string, string>>({});
  useEffect(() => {
    unsaved.current = {};
  }, [params]);
  const apply = (changes: Record<string, string>) => {
    unsaved.current = { ...unsaved.current, ...changes };
    setParams(withParams(params, unsaved.current), { replace: true });
  };
  const applySearch = useDebouncedCallback((value: string) => apply({ recherche: value.trim() }), 400);
  const canCreate = canCreatePersons(user);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('list.title')}
        description={canCreate ? t('list.description') : t('list.descriptionPeer')}
        actions={
          canCreate ? (
            <Button component={Link} to={paths.newPerson}>
              {t('list.create')}
            </Button>
          ) : undefined
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('list.filters')}>
        <TextInput
          label={t('list.search')}
          description={t('list.searchHint')}
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          style={{ flex: '2 1 18rem' }}
        />
        <NativeSelect
          label={t('list.departement')}
          value={departement ?? ''}
          onChange={(event) => apply({ departement: event.currentTarget.value })}
          data={[
            { value: '', label: t('list.allDepartements') },
            ...DEPARTEMENTS.map((code) => ({ value: code, label: `${code} — ${t(`departements.${code}`)}` })),
          ]}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      <Text role="status" size="sm" fw={600}>
        {persons.data ? (persons.data.totalIsCapped ? t('list.countCapped', { count: persons.data.total }) : t('list.count', { count: persons.data.total })) : ''}
      </Text>
      {persons.isError && <ErrorAlert error={persons.error} onRetry={() => void persons.refetch()} />}
      {persons.isPending && <LoadingState />}
      {persons.data && (
        <PersonsTable
          rows={persons.data.items}
          total={persons.data.total}
          page={persons.data.page}
          pageSize={persons.data.pageSize}
          onPageChange={(page) => setParams(withParams(params, { page }))}
          refreshing={persons.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
