import { Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { acceptInvitation, fetchInvitation } from './auth-api';
import { NewPasswordForm } from './NewPasswordForm';
import { TokenProblem } from './TokenProblem';
import { isTokenProblem } from './token-errors';

export function InvitationPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const validToken = token.length >= 16;
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => fetchInvitation(token),
    enabled: validToken,
    retry: false,
  });
  const mutation = useMutation({
    mutationFn: (password: string) => acceptInvitation({ token, password }),
    onSuccess: () => void navigate(paths.login, { replace: true, state: { notice: 'invitationAccepted' } }),
  });

  const toLogin = { to: paths.login, label: t('invitation.goToLogin') };
  if (!validToken) {
    return <TokenProblem title={t('invitation.invalidTitle')} text={t('invitation.missingText')} action={toLogin} />;
  }
  if (isTokenProblem(invitation.error) || isTokenProblem(mutation.error)) {
    return <TokenProblem title={t('invitation.invalidTitle')} text={t('invitation.invalidText')} action={toLogin} />;
  }
  if (invitation.isError) {
    return (
      <Stack gap="md">
        <PageHeader title={t('invitation.title')} />
        <ErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
      </Stack>
    );
  }
  if (!invitation.data) {
    return (
      <Stack gap="md">
        <PageHeader title={t('invitation.title')} />
        <LoadingState />
      </Stack>
    );
  }

  const { name, organizationName, email } = invitation.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('invitation.title')} />
      <Text fw={600}>{t('invitation.greeting', { name })}</Text>
      <Text>{t('invitation.intro', { organization: organizationName })}</Text>
      <Text size="sm" className="break-anywhere">
        {t('invitation.account', { email })}
      </Text>
      <NewPasswordForm
        passwordLabel={t('invitation.password')}
        confirmLabel={t('invitation.confirm')}
        submitLabel={t('invitation.submit')}
        onSubmit={(password) => mutation.mutate(password)}
        pending={mutation.isPending}
        error={mutation.error}
        serverField="password"
        username={email}
      />
    </Stack>
  );
}
