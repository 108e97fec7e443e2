import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { TSessionView, ZTwoFactorSetup } from '../../../../shared/auth';
import { paths } from '../../../app/paths';
import { PublicShell } from '../../../app/PublicShell';
import { sessionQueryKey, useCurrentSession } from '../../../app/session';
import { useSignOut } from '../../../app/use-sign-out';
import { PageHeader } from '../../../ui/PageHeader';
import { PasswordStep } from './PasswordStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { ScanStep } from './ScanStep';

type TSetup = z.output<typeof ZTwoFactorSetup>;
type State = { step: 'password' } | { step: 'scan'; setup: TSetup } | { step: 'codes'; codes: readonly string[] };
const STEP_NUMBER = { password: 1, scan: 2, codes: 3 } as const;

function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {t('nav.signOut')}
    </Button>
  );
}

export function TwoFactorPage() {
  const { t } = useTranslation('auth');
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Fixed at arrival: once confirmed, the session says 2FA is on but the codes must still show.
  const [mandatory] = useState(session.user.mustEnrolTwoFactor);
  const [state, setState] = useState<State>({ step: 'password' });

  const onConfirmed = (updated: TSessionView, codes: readonly string[]) => {
    queryClient.setQueryData(sessionQueryKey, updated);
    setState({ step: 'codes', codes });
  };
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    // The previous step's button is gone: start reading again at the new step's title.
    stepHeading.current?.focus();
  }, [state.step]);
  const alreadyOn = state.step === 'password' && session.user.twoFactorEnabled;

  return (
    <PublicShell width={560} headerExtra={<SignOutButton />}>
      <Stack gap="md">
        <PageHeader title={t('twoFactor.title')} />
        {alreadyOn ? (
          <Alert color="green" role="status">
            {t('twoFactor.alreadyEnabled')}
          </Alert>
        ) : (
          <>
            {state.step !== 'codes' && <Text>{t('twoFactor.why')}</Text>}
            {state.step === 'password' && <Text size="sm">{t('twoFactor.apps')}</Text>}
            {mandatory && state.step === 'password' && (
              <Alert color="passerelle" role="note">
                {t('twoFactor.required')}
              </Alert>
            )}
            <Title order={2} size="h4" ref={stepHeading} tabIndex={-1}>
              {t('twoFactor.step', {
                current: STEP_NUMBER[state.step],
                total: 3,
                label: t(`twoFactor.steps.${state.step}`),
              })}
            </Title>
            {state.step === 'password' && <PasswordStep onStarted={(setup) => setState({ step: 'scan', setup })} />}
            {state.step === 'scan' && (
              <ScanStep
                setup={state.setup}
                onConfirmed={(updated) => onConfirmed(updated, state.setup.recoveryCodes)}
              />
            )}
            {state.step === 'codes' && (
              <RecoveryCodesStep
                codes={state.codes}
                email={session.user.email}
                onDone={() => void navigate(mandatory ? paths.home : paths.account, { replace: true })}
              />
            )}
          </>
        )}
        {!mandatory && state.step !== 'codes' && (
          <Anchor component={Link} to={paths.account} size="sm">
            {t('twoFactor.backToAccount')}
          </Anchor>
        )}
      </Stack>
    </PublicShell>
  );
}
