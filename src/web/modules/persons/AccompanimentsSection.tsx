import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZAccompanimentList } from '../../../shared/accompaniments';
import { apiRequest } from '../../app/api';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { RecordSection } from './ui/RecordSection';

const fetchAccompaniments = (personId: string) =>
  apiRequest(`/api/persons/${encodeURIComponent(personId)}/accompaniments`, ZAccompanimentList);

/**
 * The place of the person's accompaniments on their record. For now a list (state, dates, peers);
 * the accompaniment pages (goals, interventions, notes) belong to the accompaniments module and
 * link from here when they exist.
 */
export function AccompanimentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation('persons');
  const accompaniments = useQuery({
    queryKey: ['persons', 'detail', personId, 'accompaniments'],
    queryFn: () => fetchAccompaniments(personId),
  });
  return (
    <RecordSection title={t('record.accompaniments')} id="accompagnements">
      {accompaniments.isPending && <LoadingState />}
      {accompaniments.isError && <ErrorAlert error={accompaniments.error} onRetry={() => void accompaniments.refetch()} />}
      {accompaniments.data &&
        (accompaniments.data.items.length === 0 ? (
          <Text>{t('accompaniments.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640} tabIndex={0} role="region" aria-label={t('accompaniments.caption')}>
            <Table verticalSpacing="sm" striped pos="relative">
              <Table.Caption>
                <VisuallyHidden>{t('accompaniments.caption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('accompaniments.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('accompaniments.columns.openedAt')}</Table.Th>
                  <Table.Th scope="col">{t('accompaniments.columns.peers')}</Table.Th>
                  <Table.Th scope="col">{t('accompaniments.columns.lastContact')}</Table.Th>
                  <Table.Th scope="col">{t('accompaniments.columns.closedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accompaniments.data.items.map((accompaniment) => (
                  <Table.Tr key={accompaniment.id}>
                    <Table.Th scope="row" fw={600}>
                      {t(`accompanimentStatus.${accompaniment.status}`)}
                    </Table.Th>
                    <Table.Td>{formatDate(accompaniment.openedAt)}</Table.Td>
                    <Table.Td>
                      {accompaniment.peers
                        .filter((peer) => peer.endedAt === null)
                        .map((peer) => (peer.asVolunteer ? t('accompaniments.volunteer', { name: peer.name }) : peer.name))
                        .join(', ') || t('accompaniments.none')}
                    </Table.Td>
                    <Table.Td>{accompaniment.lastContactAt ? formatDate(accompaniment.lastContactAt) : t('accompaniments.none')}</Table.Td>
                    <Table.Td>{accompaniment.closedAt ? formatDate(accompaniment.closedAt) : t('accompaniments.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </RecordSection>
  );
}
