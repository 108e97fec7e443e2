import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { IdentitySection } from './IdentitySection';
import { LanguagePreference } from './LanguagePreference';
import { TwoFactorStatus } from './TwoFactorStatus';

export function AccountPage() {
  const { t } = useTranslation('account');
  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: "start" }}>
        <Stack gap="lg">
          <IdentitySection />
          <LanguagePreference />
          <TwoFactorStatus />
        </Stack>
        <ChangePasswordForm />
      </SimpleGrid>
    </Stack>
  );
}
