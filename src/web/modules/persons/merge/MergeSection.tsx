import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPersonDetail, TPersonSummary } from '../../../../shared/persons';
import { isApiError } from '../../../app/api-error';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { fetchPersons, mergePerson, personKeys } from '../persons-api';
import { RecordSection } from '../ui/RecordSection';

const RESULTS = 10;

/** Folds a duplicate record into this one (coordinators): find it, check it, confirm. */
export function MergeSection({ person, onReload }: { person: TPersonDetail; onReload: () => void }) {
  const { t } = useTranslation(['persons', 'common']);
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 400);
  const [chosen, setChosen] = useState<TPersonSummary | null>(null);
  const query = { page: 1, pageSize: RESULTS, search };
  const results = useQuery({
    queryKey: personKeys.list(query),
    queryFn: ({ signal }) => fetchPersons(query, signal),
    enabled: search.length >= 2,
  });
  const mutation = useMutation({
    mutationFn: (duplicate: TPersonSummary) =>
      mergePerson(person.id, { version: person.version, duplicateId: duplicate.id, duplicateVersion: duplicate.version }),
    onSuccess: (merged) => {
      setChosen(null);
      setTyped('');
      queryClient.setQueryData(personKeys.detail(person.id), merged);
      void queryClient.invalidateQueries({ queryKey: personKeys.all, refetchType: 'none' });
    },
    onError: () => setChosen(null),
  });
  const others = (results.data?.items ?? []).filter((candidate) => candidate.id !== person.id);
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;

  return (
    <RecordSection title={t('merge.title')}>
      <Text size="sm">{t('merge.intro')}</Text>
      {mutation.isSuccess && <SuccessAlert onClose={() => mutation.reset()}>{t('merge.merged')}</SuccessAlert>}
      {conflict ? (
        <Alert color="orange" role="alert">
          <Stack gap="sm" align="flex-start">
            {t('merge.conflict')}
            <Button variant="outline" color="orange" onClick={onReload}>
              {t('common:actions.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={mutation.error} />
      )}
      <TextInput
        label={t('merge.search')}
        description={t('merge.searchHint')}
        type="search"
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        maw={480}
      />
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && search.length >= 2 && (
        <div role="status">
          {others.length === 0 ? (
            <Text size="sm">{t('merge.noResult')}</Text>
          ) : (
            <List listStyleType="none" p={0} spacing="xs" aria-label={t('merge.resultsCaption')}>
              {others.map((candidate) => (
                <List.Item key={candidate.id}>
                  <Group gap="sm" justify="space-between" wrap="wrap">
                    <Text size="sm" className="break-anywhere">
                      <Text span fw={600}>
                        {candidate.displayName}
                      </Text>{' '}
                      — {[candidate.birthYear, `${candidate.communeName} (${candidate.departement})`].filter(Boolean).join(', ')}
                    </Text>
                    <Button size="xs" variant="outline" onClick={() => setChosen(candidate)}>
                      {t('merge.choose', { name: candidate.displayName })}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      )}
      <ConfirmDialog
        opened={chosen !== null}
        title={t('merge.confirmTitle')}
        confirmLabel={t('merge.confirm')}
        danger
        loading={mutation.isPending}
        onCancel={() => setChosen(null)}
        onConfirm={() => chosen && mutation.mutate(chosen)}
      >
        {t('merge.confirmText', { duplicate: chosen?.displayName ?? '', kept: person.displayName })}
      </ConfirmDialog>
    </RecordSection>
  );
}
