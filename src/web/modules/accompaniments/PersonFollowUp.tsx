import { Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPersonDetail } from '../../../shared/persons';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { RecontactPreferencesSection } from '../outreach/RecontactPreferencesSection';
import { RecordSection } from '../persons/ui/RecordSection';
import { PersonRightsSection } from '../rights/PersonRightsSection';
import { canManageRights, canOpenAccompaniments, canWorkWithAccompaniments, mayManageRecontactPreferences } from './access';
import { accompanimentKeys, fetchPersonAccompaniments } from './accompaniments-api';
import { openAccompanimentPath } from './open-path';
import { AccompanimentStatusBadge } from './StatusBadge';

/** Links to the person's accompaniment pages; a coordinator opens one when none is ongoing. */
function AccompanimentPages({ personId }: { personId: string }) {
  const { t } = useTranslation('accompaniments');
  const { user } = useCurrentSession();
  const accompaniments = useQuery({ queryKey: accompanimentKeys.ofPerson(personId), queryFn: () => fetchPersonAccompaniments(personId) });
  const items = accompaniments.data?.items ?? [];
  const ongoing = items.filter((item) => item.status !== 'closed');
  const closed = items.filter((item) => item.status === 'closed');
  return (
    <RecordSection title={t('personRecord.title')} id="pages-accompagnement">
      {accompaniments.isPending && <LoadingState />}
      {accompaniments.isError && <ErrorAlert error={accompaniments.error} onRetry={() => void accompaniments.refetch()} />}
      {accompaniments.data && (
        <Stack gap="sm" align="flex-start">
          {ongoing.map((item) => (
            <Stack key={item.id} gap={4} align="flex-start">
              {item.status !== 'active' && <AccompanimentStatusBadge status={item.status} />}
              <Button component={Link} to={paths.accompaniment(item.id)}>
                {t('personRecord.openOngoing', { date: formatDate(item.openedAt) })}
              </Button>
            </Stack>
          ))}
          {ongoing.length === 0 && <Text>{t('personRecord.noneOngoing')}</Text>}
          {ongoing.length === 0 && canOpenAccompaniments(user) && (
            <Button component={Link} to={openAccompanimentPath({ personId })}>
              {t('personRecord.open')}
            </Button>
          )}
          {closed.length > 0 && (
            <List spacing={4} size="sm">
              {closed.map((item) => (
                <List.Item key={item.id}>
                  <Anchor component={Link} to={paths.accompaniment(item.id)}>
                    {t('personRecord.closedOne', { opened: formatDate(item.openedAt), closed: formatDate(item.closedAt ?? item.openedAt) })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </RecordSection>
  );
}

/**
 * What issue #4 adds to a person's record, in one place: the accompaniment pages, the re-contact
 * wishes, and the person's rights (export, readers, anonymisation). Each part shows only to the
 * roles that can use it; the server still decides for each record.
 */
export function PersonFollowUp({ person }: { person: TPersonDetail }) {
  const { user } = useCurrentSession();
  return (
    <>
      {canWorkWithAccompaniments(user) && <AccompanimentPages personId={person.id} />}
      {mayManageRecontactPreferences(user) && <RecontactPreferencesSection personId={person.id} id="souhaits-de-recontact" />}
      {canManageRights(user) && <PersonRightsSection personId={person.id} name={person.displayName} />}
    </>
  );
}
