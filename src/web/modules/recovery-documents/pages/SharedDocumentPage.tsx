import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { fetchSharedWithMeItem, sharedWithMePdfUrl, sharingKeys } from '../api/sharing-api';
import { formatDay } from '../format';
import { BackLink } from '../layout/BackLink';
import { WishesNotice } from '../layout/WishesNotice';
import { recoveryPaths } from '../paths';
import { InactiveNotice } from '../public/InactiveNotice';
import { SharedSectionsView } from '../read/SharedSectionsView';

/** A document shared with the signed-in user: only the sections in the share's scope, and its PDF. */
export function SharedDocumentPage() {
  const { t } = useTranslation('recoveryDocuments');
  const { shareId = '' } = useParams();
  const shared = useQuery({ queryKey: sharingKeys.sharedWithMeItem(shareId), queryFn: () => fetchSharedWithMeItem(shareId), staleTime: 0 });
  const data = shared.data;
  const gone = shared.isError && isApiError(shared.error) && (shared.error.status === 404 || shared.error.status === 410);
  return (
    <Stack gap="md" maw={820}>
      <BackLink to={recoveryPaths.sharedWithMe} label={t('staff.sharedBack')} />
      {shared.isPending && <LoadingState label={t('document.loading')} />}
      {gone && <InactiveNotice title={t('public.inactiveTitle')} text={t('public.inactiveText')} />}
      {shared.isError && !gone && <ErrorAlert error={shared.error} onRetry={() => void shared.refetch()} />}
      {data && (
        <>
          <PageHeader title={data.title} description={t('staff.owner', { name: data.ownerName })} />
          <Text size="sm">
            {data.validatedAt ? t('staff.versionOf', { number: data.versionNo, date: formatDay(data.validatedAt) }) : t('versions.version', { number: data.versionNo })}
            {' · '}
            {t('shares.until')} {formatDay(data.expiresAt)}
          </Text>
          <WishesNotice forOwner={false} />
          <Alert color="gray">{t('staff.sharedReadNotice')}</Alert>
          <Group>
            <Button component="a" href={sharedWithMePdfUrl(data.shareId)} download variant="light" mih={44}>
              {t('staff.downloadPdf')}
            </Button>
          </Group>
          <SharedSectionsView sections={data.sections} />
        </>
      )}
    </Stack>
  );
}
