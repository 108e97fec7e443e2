import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { isApiError } from '../../../app/api-error';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { documentKeys, startReview } from '../api/documents-api';
import { BackLink } from '../layout/BackLink';
import { useDocumentDetail } from '../layout/OwnerDocumentShell';
import { DocumentStatusBadge } from '../layout/StatusBadge';
import { WishesNotice } from '../layout/WishesNotice';
import { InactiveNotice } from '../public/InactiveNotice';
import { DocumentContentView } from '../read/DocumentContentView';
import { DocumentWriter } from '../writing/DocumentWriter';

/**
 * The peer's screen during a meeting: the same writing, but nothing can be typed before "the
 * person is present and agrees" is ticked, and every save says so (`inPresenceOfPerson`).
 */
export function FacilitationPage() {
  const { t } = useTranslation(['recoveryDocuments', 'persons']);
  const { personId = '', documentId = '' } = useParams();
  const detail = useDocumentDetail(documentId);
  const [present, setPresent] = useState(false);
  const data = detail.data;
  return (
    <Stack gap="md" maw={820}>
      <BackLink to={paths.person(personId)} label={t('persons:record.title')} />
      {detail.isPending && <LoadingState label={t('document.loading')} />}
      {detail.isError &&
        (isApiError(detail.error) && detail.error.status === 404 ? <InactiveNotice title={t('document.notFoundTitle')} text={t('document.notFound')} /> : <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />)}
      {data && (
        <>
          <PageHeader title={t('staff.facilitationTitle')} description={t('staff.facilitationIntro')} />
          <Group gap="xs">
            <Text fw={700}>{data.document.title}</Text>
            <DocumentStatusBadge status={data.document.status} />
          </Group>
          <WishesNotice forOwner={false} />
          {data.document.status === 'withdrawn' ? (
            <Alert color="gray">{t('document.notFound')}</Alert>
          ) : (
            <>
              <Paper withBorder p="md" radius="md" bg={present ? 'green.0' : 'orange.0'}>
                <Checkbox
                  label={t('staff.presence')}
                  description={t('staff.presenceHint')}
                  checked={present}
                  onChange={(event) => setPresent(event.currentTarget.checked)}
                  size="lg"
                  data-testid="presence-checkbox"
                />
              </Paper>
              <FacilitationBody detail={data} present={present} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function FacilitationBody({ detail, present }: { detail: TDocumentDetail; present: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: () => startReview(detail.document.id, true),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.document(detail.document.id) }),
  });
  if (detail.draft && detail.policies.edit) {
    return <DocumentWriter key={`${detail.document.id}-${detail.draft.versionNo}`} detail={detail} draft={detail.draft} inPresenceOfPerson={present} disabled={!present} />;
  }
  return (
    <Stack gap="md">
      {detail.policies.review && (
        <>
          <Text>{t('document.noDraft')}</Text>
          <ErrorAlert error={review.error} />
          <div>
            <Button mih={48} size="md" onClick={() => review.mutate()} loading={review.isPending} disabled={!present}>
              {t('document.startReview')}
            </Button>
          </div>
          {!present && <Text size="sm">{t('staff.presenceRequired')}</Text>}
        </>
      )}
      {detail.active && <DocumentContentView sections={detail.template.definition.sections} content={detail.active.content} />}
    </Stack>
  );
}
