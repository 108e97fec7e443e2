import { Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAccompanimentDetail, TAccompanimentPeersInput } from '../../../../shared/accompaniments';
import { isApiError } from '../../../app/api-error';
import { formatDate } from '../../../app/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { ConflictAlert } from '../../persons/ui/ConflictAlert';
import { accompanimentKeys, changePeers } from '../accompaniments-api';
import { usePeerChoices, type TPeerChoice } from '../peer-choices';
import { PeerPicker, peerSelectionError } from '../PeerPicker';

function ChangePeersForm({ accompaniment, onDone, onCancel }: { accompaniment: TAccompanimentDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const queryClient = useQueryClient();
  const current = accompaniment.peers.filter((peer) => peer.endedAt === null);
  const known: TPeerChoice[] = accompaniment.peers.map((peer) => ({ id: peer.id, name: peer.name, asVolunteer: peer.asVolunteer }));
  const peers = usePeerChoices(known);
  const [peerIds, setPeerIds] = useState(current.map((peer) => peer.id));
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: TAccompanimentPeersInput) => changePeers(accompaniment.id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(accompanimentKeys.detail(accompaniment.id), detail);
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.lists });
      onDone();
    },
    onError: (failure) => {
      const message = fieldErrorsFrom(failure, ['peerIds']).peerIds;
      setError(typeof message === 'string' ? message : null);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form
        noValidate
        aria-label={t('peers.changeTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          const problem = peerSelectionError(peerIds, peers.choices, t('peers.required'));
          setError(problem);
          if (problem) {
            document.getElementById('change-peers')?.focus();
            return;
          }
          mutation.mutate({ version: accompaniment.version, peerIds });
        }}
      >
        <Stack gap="md">
          {conflict ? (
            <ConflictAlert
              title={t('peers.conflictTitle')}
              text={t('peers.conflictText')}
              onReload={() => void queryClient.invalidateQueries({ queryKey: accompanimentKeys.detail(accompaniment.id), exact: true })}
            />
          ) : (
            <ErrorAlert error={mutation.error} fields={['peerIds']} />
          )}
          <PeerPicker id="change-peers" choices={peers.choices} loading={peers.loading} value={peerIds} onChange={setPeerIds} error={error} />
          <Text size="sm">{t('peers.changeHint')}</Text>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending} disabled={conflict}>
              {t('peers.saveChange')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Who follows the person now, who did before; coordinators change the peers. */
export function PeersSection({ accompaniment }: { accompaniment: TAccompanimentDetail }) {
  const { t } = useTranslation('accompaniments');
  const [changing, setChanging] = useState(false);
  const [saved, setSaved] = useState(false);
  const current = accompaniment.peers.filter((peer) => peer.endedAt === null);
  const former = accompaniment.peers.filter((peer) => peer.endedAt !== null);
  return (
    <Stack gap="sm">
      {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('peers.changed')}</SuccessAlert>}
      <List spacing={4}>
        {current.map((peer) => (
          <List.Item key={peer.id}>
            <Text span fw={700}>
              {peer.name}
            </Text>{' '}
            — {peer.asVolunteer ? t('peers.volunteer') : t('peers.salaried')}, {t('peers.since', { date: formatDate(peer.assignedAt) })}
          </List.Item>
        ))}
      </List>
      {former.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('peers.former', {
            names: former.map((peer) => t('peers.formerOne', { name: peer.name, date: formatDate(peer.endedAt ?? peer.assignedAt) })).join(', '),
          })}
        </Text>
      )}
      {accompaniment.policies.assignPeers &&
        (changing ? (
          <ChangePeersForm
            accompaniment={accompaniment}
            onCancel={() => setChanging(false)}
            onDone={() => {
              setChanging(false);
              setSaved(true);
            }}
          />
        ) : (
          <div>
            <Button
              variant="outline"
              onClick={() => {
                setSaved(false);
                setChanging(true);
              }}
            >
              {t('peers.change')}
            </Button>
          </div>
        ))}
    </Stack>
  );
}
