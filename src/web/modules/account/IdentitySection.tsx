import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { RoleBadges } from '../../ui/RoleBadges';
import { Section } from './Section';

function Entry({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} className="break-anywhere">
        {children}
      </Text>
    </div>
  );
}

export function IdentitySection() {
  const { t } = useTranslation('account');
  const { user, organization } = useCurrentSession();
  return (
    <Section title={t('identity.title')}>
      <Stack component="dl" gap="sm" m={0}>
        <Entry label={t('identity.name')}>{user.name}</Entry>
        <Entry label={t('identity.email')}>{user.email}</Entry>
        <Entry label={t('identity.organization')}>{organization.name}</Entry>
        <div>
          <Text component="dt" size="sm" c="dimmed" mb={4}>
            {t('identity.roles')}
          </Text>
          <dd style={{ margin: 0 }}>
            <RoleBadges roles={user.roles} />
          </dd>
        </div>
      </Stack>
      <Text size="sm" c="dimmed">
        {t('identity.hint')}
      </Text>
    </Section>
  );
}
