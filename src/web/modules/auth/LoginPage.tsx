import { Anchor, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import type { TLoginResult } from '../../../shared/auth';
import { clearPendingNotice, noticeFromState, peekPendingNotice } from '../../app/auth-notice';
import { applyLocale, storedLocale } from '../../app/i18n';
import { returnPathFrom } from '../../app/paths';
import { sessionQueryKey, useSession } from '../../app/session';
import { PublicRequestInvite } from '../public-request/PublicRequestInvite';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { CredentialsForm } from './CredentialsForm';
import { SecondFactorForm } from './SecondFactorForm';

type Step = 'credentials' | 'totp' | 'recovery';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const queryClient = useQueryClient();
  const session = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [step, setStep] = useState<Step>('credentials');
  const [notice] = useState(() => noticeFromState(location.state) ?? peekPendingNotice());
  useEffect(() => clearPendingNotice(), []);

  const onResult = (result: TLoginResult) => {
    if (result.status === 'totp_required') {
      setStep('totp');
      return;
    }
    if (!storedLocale()) void applyLocale(result.session.user.locale, { remember: false });
    // The session guard takes over: home, the page asked for, or 2FA enrolment.
    queryClient.setQueryData(sessionQueryKey, result.session);
  };

  if (session.data) return <Navigate to={returnPathFrom(searchParams)} replace />;

  const title = step === 'credentials' ? t('login.title') : step === 'totp' ? t('totp.title') : t('recovery.title');
  const intro = step === 'credentials' ? t('login.intro') : step === 'totp' ? t('totp.intro') : t('recovery.intro');

  return (
    <Stack gap="md">
      <PageHeader title={title} description={intro} />
      {notice && step === 'credentials' && (
        <SuccessAlert tone={notice === 'sessionExpired' ? 'info' : 'success'}>{t(`notice.${notice}`)}</SuccessAlert>
      )}
      <Text size="sm" c="dimmed">
        {t('common:requiredHint')}
      </Text>
      {step === 'credentials' && <CredentialsForm onResult={onResult} />}
      {step === 'credentials' && <PublicRequestInvite />}
      {step !== 'credentials' && <SecondFactorForm key={step} kind={step} onResult={onResult} />}
      {step !== 'credentials' && (
        <Stack gap={4} align="center">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setStep(step === 'totp' ? 'recovery' : 'totp')}
          >
            {step === 'totp' ? t('totp.useRecovery') : t('recovery.useTotp')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => setStep('credentials')}>
            {t('totp.restart')}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
