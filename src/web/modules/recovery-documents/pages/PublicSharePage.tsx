import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { fetchPublicShareStatus, openPublicShare } from '../api/sharing-api';
import { formatDay } from '../format';
import { WishesNotice } from '../layout/WishesNotice';
import { CodeForm } from '../public/CodeForm';
import { InactiveNotice } from '../public/InactiveNotice';
import { useCodeOpening } from '../public/use-code-opening';
import { SharedSectionsView } from '../read/SharedSectionsView';

/** `/partage/<token>`: someone outside types the code the person gave them and reads what was shared. */
export function PublicSharePage() {
  const { t } = useTranslation('recoveryDocuments');
  const { token = '' } = useParams();
  const opening = useCodeOpening(['public-share', token], () => fetchPublicShareStatus(token), (code) => openPublicShare(token, code));
  const content = opening.content;
  return (
    <PublicShell width={content ? 820 : 520}>
      {opening.phase === 'checking' && <LoadingState label={t('public.checking')} />}
      {opening.phase === 'gone' && <InactiveNotice title={t('public.inactiveTitle')} text={t('public.inactiveText')} />}
      {opening.phase === 'locked' && <InactiveNotice title={t('public.lockedTitle')} text={t('public.lockedText')} />}
      {opening.phase === 'error' && <ErrorAlert error={opening.otherError} />}
      {opening.phase === 'code' && (
        <Stack gap="md">
          <PageHeader title={t('public.shareTitle')} description={t('public.shareIntro')} />
          <ErrorAlert error={opening.otherError} />
          <CodeForm label={t('public.code')} hint={t('public.codeHint')} submitLabel={t('public.open')} onSubmit={opening.submit} pending={opening.pending} error={opening.codeError} />
        </Stack>
      )}
      {opening.phase === 'open' && content && (
        <Stack gap="md">
          <PageHeader title={content.title} description={t('public.sharedBy', { name: content.ownerName })} />
          <Text size="sm">
            {content.validatedAt ? t('public.versionOf', { number: content.versionNo, date: formatDay(content.validatedAt) }) : null}
            {' · '}
            {t('shares.until')} {formatDay(content.expiresAt)}
          </Text>
          <WishesNotice forOwner={false} />
          <SharedSectionsView sections={content.sections} />
        </Stack>
      )}
    </PublicShell>
  );
}
