import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAnonymisationResult } from '../../../shared/rights';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { personKeys } from '../persons/persons-api';
import { RecordSection } from '../persons/ui/RecordSection';
import { downloadFile } from './download';
import { ReadersList } from './ReadersList';
import { ReasonDialog } from './ReasonDialog';
import { anonymisePerson, rightsKeys } from './rights-api';

type TFormat = 'json' | 'pdf';

function ExportButtons({ personId }: { personId: string }) {
  const { t } = useTranslation('rights');
  const download = useMutation({
    mutationFn: (format: TFormat) => downloadFile(`/api/persons/${encodeURIComponent(personId)}/export.${format}`, `dossier-${personId}.${format}`),
  });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('export.intro')}</Text>
      <ErrorAlert error={download.error} />
      <Group gap="sm">
        {(['json', 'pdf'] as const).map((format) => (
          <Button key={format} variant="outline" loading={download.isPending && download.variables === format} onClick={() => download.mutate(format)}>
            {t(`export.${format}`)}
          </Button>
        ))}
      </Group>
      {download.isSuccess && (
        <Text size="sm" role="status">
          {t('export.done')}
        </Text>
      )}
    </Stack>
  );
}

function AnonymiseBlock({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation('rights');
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<TAnonymisationResult | null>(null);
  const mutation = useMutation({
    mutationFn: (reason: string) => anonymisePerson(personId, reason),
    onSuccess: (done) => {
      setAsking(false);
      setResult(done);
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: rightsKeys.proposals });
    },
  });
  const erased = result ? Object.values(result.erased).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('anonymise.intro')}</Text>
      {result && <SuccessAlert>{t('anonymise.done', { count: erased })}</SuccessAlert>}
      {!result && (
        <div>
          <Button
            color="red"
            variant="outline"
            onClick={() => {
              mutation.reset();
              setAsking(true);
            }}
          >
            {t('anonymise.open')}
          </Button>
        </div>
      )}
      <ReasonDialog
        key={asking ? 'open' : 'closed'}
        opened={asking}
        title={t('anonymise.title', { name })}
        reasonLabel={t('anonymise.reason')}
        reasonHint={t('anonymise.reasonHint')}
        reasonRequired
        acknowledgement={t('anonymise.acknowledge')}
        confirmLabel={t('anonymise.confirm')}
        danger
        loading={mutation.isPending}
        error={mutation.error}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => reason && mutation.mutate(reason)}
      >
        {t('anonymise.explain')}
      </ReasonDialog>
    </Stack>
  );
}

/**
 * The person's rights on their record (coordinators, DOMAIN §9.5): export everything held (JSON,
 * PDF), who consulted the record, the rights requests, and anonymisation with a reason.
 */
export function PersonRightsSection({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation('rights');
  const [showReaders, setShowReaders] = useState(false);
  return (
    <RecordSection title={t('person.title')} id="droits">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('export.title')}
          </Title>
          <ExportButtons personId={personId} />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('readers.title')}
          </Title>
          {showReaders ? (
            <ReadersList personId={personId} />
          ) : (
            <div>
              <Button variant="default" onClick={() => setShowReaders(true)}>
                {t('readers.show')}
              </Button>
            </div>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('person.requestsTitle')}
          </Title>
          <Group gap="md">
            <Anchor component={Link} to={`${paths.rightsRequests}?personne=${encodeURIComponent(personId)}`}>
              {t('person.seeRequests')}
            </Anchor>
            <Anchor component={Link} to={`${paths.rightsRequests}?personne=${encodeURIComponent(personId)}&nouvelle=1`}>
              {t('person.newRequest')}
            </Anchor>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('anonymise.sectionTitle')}
          </Title>
          <AnonymiseBlock personId={personId} name={name} />
        </Stack>
      </Stack>
    </RecordSection>
  );
}
