import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { RIGHTS_REQUEST_TYPES } from '../../../shared/accompaniments';
import { ZRightsRequestType } from '../../../shared/rights';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { TablePagination } from '../../ui/TablePagination';
import { pageFrom, withParams } from '../admin/search-params';
import { fetchPerson, personKeys } from '../persons/persons-api';
import { RightsNav } from './RightsNav';
import { RightsRequestCard } from './RightsRequestCard';
import { RightsRequestForm } from './RightsRequestForm';
import { fetchRightsRequests, rightsKeys, type TRightsRequestQuery } from './rights-api';

const PAGE_SIZE = 20;
const ZState = z.enum(['open', 'answered']);
const ZId = z.uuid();

/**
 * The log of rights requests (access, rectification, erasure…): open ones nearest their due date
 * first, overdue ones flagged. Filters in the URL (`?etat=…&retard=oui&type=…&personne=…`).
 */
export function RightsRequestsPage() {
  const { t } = useTranslation('rights');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('nouvelle') === '1');
  const [notice, setNotice] = useState<string | null>(null);
  const personId = ZId.safeParse(params.get('personne')).data;
  const query: TRightsRequestQuery = {
    page: pageFrom(params),
    pageSize: PAGE_SIZE,
    state: ZState.safeParse(params.get('etat')).data,
    overdue: params.get('retard') === 'oui' ? 'true' : undefined,
    type: ZRightsRequestType.safeParse(params.get('type')).data,
    personId,
  };
  const list = useQuery({ queryKey: rightsKeys.requestList(query), queryFn: ({ signal }) => fetchRightsRequests(query, signal), placeholderData: keepPreviousData });
  const person = useQuery({ queryKey: personKeys.detail(personId ?? ''), queryFn: () => fetchPerson(personId ?? ''), enabled: Boolean(personId) });
  const set = (changes: Record<string, string>) => setParams(withParams(params, changes), { replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('requests.title')}
        description={person.data ? t('requests.descriptionFor', { name: person.data.displayName }) : t('requests.description')}
        actions={
          !creating ? (
            <Button
              onClick={() => {
                setNotice(null);
                setCreating(true);
              }}
            >
              {t('requests.create')}
            </Button>
          ) : undefined
        }
      />
      <RightsNav />
      {notice && <SuccessAlert onClose={() => setNotice(null)}>{notice}</SuccessAlert>}
      {creating && (
        <RightsRequestForm
          initialPerson={person.data ? { id: person.data.id, displayName: person.data.displayName } : null}
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            setNotice(t('requests.created'));
          }}
        />
      )}
      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('requests.filters')}>
        <NativeSelect
          label={t('requests.state')}
          value={query.state ?? ''}
          onChange={(event) => set({ etat: event.currentTarget.value })}
          data={[
            { value: '', label: t('requests.allStates') },
            { value: 'open', label: t('requests.openOnly') },
            { value: 'answered', label: t('requests.answeredOnly') },
          ]}
          style={{ flex: '1 1 11rem' }}
        />
        <NativeSelect
          label={t('requests.delay')}
          value={query.overdue ? 'oui' : ''}
          onChange={(event) => set({ retard: event.currentTarget.value })}
          data={[
            { value: '', label: t('requests.anyDelay') },
            { value: 'oui', label: t('requests.overdueOnly') },
          ]}
          style={{ flex: '1 1 11rem' }}
        />
        <NativeSelect
          label={t('requests.type')}
          value={query.type ?? ''}
          onChange={(event) => set({ type: event.currentTarget.value })}
          data={[{ value: '', label: t('requests.allTypes') }, ...RIGHTS_REQUEST_TYPES.map((type) => ({ value: type, label: t(`types.${type}.label`) }))]}
          style={{ flex: '1 1 11rem' }}
        />
        {personId && (
          <Button variant="default" onClick={() => set({ personne: '' })}>
            {t('requests.allPersons')}
          </Button>
        )}
      </Group>
      <Text role="status" size="sm" fw={600}>
        {list.data ? t('requests.count', { count: list.data.total }) : ''}
      </Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <LoadingState />}
      {list.data &&
        (list.data.total === 0 ? (
          <EmptyMessage title={t('requests.empty')} hint={t('requests.emptyHint')} />
        ) : (
          <>
            <SimpleGrid
              component="ul"
              cols={1}
              spacing="sm"
              style={{ listStyle: 'none', margin: 0, padding: 0, opacity: list.isPlaceholderData ? 0.6 : 1 }}
              aria-label={t('requests.caption')}
            >
              {list.data.items.map((request) => (
                <li key={`${request.id}-${request.version}`}>
                  <RightsRequestCard request={request} onSaved={() => setNotice(t('requests.saved'))} />
                </li>
              ))}
            </SimpleGrid>
            <TablePagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(page) => setParams(withParams(params, { page }))} />
          </>
        ))}
    </Stack>
  );
}
