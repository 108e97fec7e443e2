import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { fetchPublicCrisisStatus, openPublicCrisis } from '../api/sharing-api';
import { formatDay } from '../format';
import { CodeForm } from '../public/CodeForm';
import { InactiveNotice } from '../public/InactiveNotice';
import { useCodeOpening } from '../public/use-code-opening';
import { SharedSectionsView } from '../read/SharedSectionsView';

/** `/urgence/<token>` (the crisis card's QR code): the emergency code, then the chosen crisis sections, in large text. */
export function PublicCrisisPage() {
  const { t } = useTranslation('recoveryDocuments');
  const { token = '' } = useParams();
  const opening = useCodeOpening(['public-crisis', token], () => fetchPublicCrisisStatus(token), (code) => openPublicCrisis(token, code));
  const content = opening.content;
  return (
    <PublicShell width={content ? 860 : 520}>
      <Stack gap="md">
        <Alert color="red" variant="light">
          <Text fw={700} size="lg">
            {t('public.emergency')}
          </Text>
        </Alert>
        {opening.phase === 'checking' && <LoadingState label={t('public.checking')} />}
        {opening.phase === 'gone' && <InactiveNotice title={t('public.crisisInactiveTitle')} text={t('public.crisisInactiveText')} />}
        {opening.phase === 'locked' && <InactiveNotice title={t('public.crisisLockedTitle')} text={t('public.crisisLockedText')} />}
        {opening.phase === 'error' && <ErrorAlert error={opening.otherError} />}
        {opening.phase === 'code' && (
          <Stack gap="md">
            <PageHeader title={t('public.crisisTitle')} description={t('public.crisisIntro')} />
            <ErrorAlert error={opening.otherError} />
            <CodeForm label={t('public.crisisCode')} submitLabel={t('public.crisisOpen')} onSubmit={opening.submit} pending={opening.pending} error={opening.codeError} />
          </Stack>
        )}
        {opening.phase === 'open' && content && (
          <Stack gap="md">
            <PageHeader title={t('public.crisisOf', { name: content.ownerName })} description={content.title} />
            {content.validatedAt && <Text size="lg">{t('public.versionOf', { number: content.versionNo, date: formatDay(content.validatedAt) })}</Text>}
            <Alert color="passerelle" variant="light">
              <Text size="lg">{t('public.crisisNotice')}</Text>
            </Alert>
            <SharedSectionsView sections={content.sections} large />
          </Stack>
        )}
      </Stack>
    </PublicShell>
  );
}
