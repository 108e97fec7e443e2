import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { documentKeys, fetchFacilitatorCandidates, setFacilitators } from '../api/documents-api';
import { bigButton } from '../ui';

/** "Qui peut m’aider à écrire": the person picks, among their own peers, who may write with them. */
export function FacilitatorsPanel({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const candidates = useQuery({ queryKey: documentKeys.facilitatorCandidates, queryFn: fetchFacilitatorCandidates });
  const [chosen, setChosen] = useState<string[]>(() => detail.facilitators.map((facilitator) => facilitator.userId));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => setFacilitators(detail.document.id, chosen),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: documentKeys.document(detail.document.id) });
    },
  });
  // Peers already chosen stay listed even if they no longer accompany the person, so they can be unticked.
  const people = [
    ...(candidates.data?.items ?? []),
    ...detail.facilitators.filter((facilitator) => !candidates.data?.items.some((item) => item.id === facilitator.userId)).map((facilitator) => ({ id: facilitator.userId, name: facilitator.name })),
  ];
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="facilitators-title">
      <Stack gap="sm">
        <Title order={2} id="facilitators-title">
          {t('facilitators.title')}
        </Title>
        <Text>{t('facilitators.description')}</Text>
        <ErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />
        {candidates.data && people.length === 0 && <Text>{t('facilitators.none')}</Text>}
        {people.length > 0 && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setSaved(false);
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <Checkbox.Group label={t('facilitators.label')} value={chosen} onChange={setChosen} size="md">
                <Stack gap={4} mt="xs">
                  {people.map((person) => (
                    <Checkbox key={person.id} value={person.id} label={person.name} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <ErrorAlert error={save.error} />
              {saved && <SuccessAlert>{t('facilitators.saved')}</SuccessAlert>}
              <div>
                <Button type="submit" {...bigButton} variant="light" loading={save.isPending}>
                  {t('facilitators.save')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
