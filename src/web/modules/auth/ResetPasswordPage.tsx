import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { PageHeader } from '../../ui/PageHeader';
import { resetPassword } from './auth-api';
import { NewPasswordForm } from './NewPasswordForm';
import { TokenProblem } from './TokenProblem';
import { isTokenProblem } from './token-errors';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const mutation = useMutation({
    mutationFn: (newPassword: string) => resetPassword({ token, newPassword }),
    onSuccess: () => void navigate(paths.login, { replace: true, state: { notice: 'passwordReset' } }),
  });

  const askNew = { to: paths.forgotPassword, label: t('reset.askNew') };
  if (token.length < 16) {
    return <TokenProblem title={t('reset.invalidTitle')} text={t('reset.missingText')} action={askNew} />;
  }
  if (isTokenProblem(mutation.error)) {
    return <TokenProblem title={t('reset.invalidTitle')} text={t('reset.invalidText')} action={askNew} />;
  }
  return (
    <Stack gap="md">
      <PageHeader title={t('reset.title')} description={t('reset.intro')} />
      <NewPasswordForm
        passwordLabel={t('reset.newPassword')}
        confirmLabel={t('reset.confirm')}
        submitLabel={t('reset.submit')}
        onSubmit={(password) => mutation.mutate(password)}
        pending={mutation.isPending}
        error={mutation.error}
        serverField="newPassword"
      />
    </Stack>
  );
}
