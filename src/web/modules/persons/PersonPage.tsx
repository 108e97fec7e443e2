import { Button, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { TPersonDetail } from '../../../shared/persons';
import { formatDate, formatDateTime } from '../../app/format';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { PersonFollowUp } from '../accompaniments/PersonFollowUp';
import { PortalAccessSection } from '../portal/PortalAccessSection';
import { PersonDocumentsSection } from '../recovery-documents/staff/PersonDocumentsSection';
import { AccompanimentsSection } from './AccompanimentsSection';
import { ConsentsSection } from './consents/ConsentsSection';
import { MergeSection } from './merge/MergeSection';
import { fetchPerson, personKeys } from './persons-api';
import { Facts } from './ui/Facts';
import { RecordSection } from './ui/RecordSection';

type TNotice = 'created' | 'saved';

function noticeFrom(state: unknown): TNotice | null {
  if (typeof state !== 'object' || state === null) return null;
  const notice: unknown = Reflect.get(state, 'notice');
  return notice === 'created' || notice === 'saved' ? notice : null;
}

function PersonRecord({ person, onReload }: { person: TPersonDetail; onReload: () => void }) {
  const { t } = useTranslation('persons');
  const none = t('record.notGiven');
  const text = (value: string | number | null) => (value === null || value === '' ? none : value);
  return (
    <>
      <RecordSection title={t('record.identity')}>
        <Facts
          facts={[
            { label: t('form.firstName'), value: text(person.firstName) },
            { label: t('form.pseudonym'), value: text(person.pseudonym) },
            { label: t('form.lastName'), value: text(person.lastName) },
            { label: t('form.birthYear'), value: text(person.birthYear) },
          ]}
        />
      </RecordSection>
      <RecordSection title={t('record.contacts')}>
        <Facts
          facts={[
            { label: t('form.phone'), value: text(person.phone) },
            { label: t('form.email'), value: text(person.email) },
            { label: t('form.preferredChannel'), value: person.preferredChannel ? t(`channels.${person.preferredChannel}`) : none },
          ]}
        />
      </RecordSection>
      <RecordSection title={t('record.territory')}>
        <Facts
          facts={[
            { label: t('territory.communeName'), value: `${person.communeName} (${person.communeInsee})` },
            { label: t('territory.departement'), value: `${person.departement} — ${t(`departements.${person.departement}`)}` },
          ]}
        />
      </RecordSection>
      <RecordSection title={t('record.situation')}>
        <Facts
          facts={[
            { label: t('form.housing'), value: t(`housing.${person.housing}`) },
            { label: t('form.employment'), value: t(`employment.${person.employment}`) },
          ]}
        />
      </RecordSection>
      <RecordSection title={t('record.structures')}>
        {person.structures.length === 0 ? (
          <Text>{t('record.noStructure')}</Text>
        ) : (
          <List spacing={4}>
            {person.structures.map((structure, index) => (
              <List.Item key={`${structure.type}-${index}`}>
                <Text span fw={600}>
                  {structure.name}
                </Text>{' '}
                ({t(`structureTypes.${structure.type}`)})
              </List.Item>
            ))}
          </List>
        )}
      </RecordSection>
      <RecordSection title={t('record.referents')}>
        {person.referents.length === 0 ? (
          <Text>{t('record.noReferent')}</Text>
        ) : (
          <List spacing={4}>
            {person.referents.map((referent) => (
              <List.Item key={referent.id}>{referent.name}</List.Item>
            ))}
          </List>
        )}
      </RecordSection>
      <ConsentsSection person={person} />
      <AccompanimentsSection personId={person.id} />
      {/* Issue #4: accompaniment pages, re-contact wishes, rights (modules/accompaniments, outreach, rights). */}
      <PersonFollowUp person={person} />
      <PortalAccessSection personId={person.id} />
      {/* Issue #5: the person's recovery documents, as far as they let this user see them. */}
      <PersonDocumentsSection personId={person.id} />
      {person.policies.merge && <MergeSection person={person} onReload={onReload} />}
    </>
  );
}

/** A person's record: who, how to reach them, where, their situation, their consents. Reading it is audited. */
export function PersonPage() {
  const { t } = useTranslation('persons');
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState(() => noticeFrom(location.state));
  const person = useQuery({ queryKey: personKeys.detail(id), queryFn: () => fetchPerson(id) });
  const data = person.data;
  const description = data
    ? [
        data.birthYear ? t('record.bornIn', { year: data.birthYear }) : null,
        data.lastContactAt ? t('record.lastContact', { date: formatDate(data.lastContactAt) }) : t('record.noContact'),
        t('record.updatedAt', { date: formatDateTime(data.updatedAt) }),
      ]
        .filter(Boolean)
        .join(' · ')
    : undefined;
  return (
    <Stack gap="md">
      <PageHeader
        title={data?.displayName ?? t('record.title')}
        description={description}
        back={{ to: paths.persons, label: t('record.back') }}
        actions={
          data?.policies.update ? (
            <Button component={Link} to={paths.editPerson(data.id)}>
              {t('record.edit')}
            </Button>
          ) : undefined
        }
      />
      {notice && (
        <SuccessAlert onClose={() => setNotice(null)}>
          {notice === 'created' ? t('create.created') : t('record.saved')}
        </SuccessAlert>
      )}
      {person.isPending && <LoadingState />}
      {person.isError && <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />}
      {data && !data.policies.update && <Text size="sm">{t('record.readOnly')}</Text>}
      {data && <PersonRecord person={data} onReload={() => void person.refetch()} />}
    </Stack>
  );
}
