import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { isAdmin, isPlatformAdmin } from '../../app/roles';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { RoleBadges } from '../../ui/RoleBadges';

type TCapability = 'account' | 'users' | 'invitations' | 'audit' | 'outbox' | 'organizations';

const LINKS: Record<TCapability, string> = {
  account: paths.account,
  users: paths.users,
  invitations: paths.invitations,
  audit: paths.audit,
  outbox: paths.outbox,
  organizations: paths.organizations,
};

/** Greets the person and lists only what exists today for their roles. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { user, organization } = useCurrentSession();
  const capabilities: TCapability[] = ['account'];
  if (isAdmin(user)) capabilities.push('users', 'invitations', 'audit', 'outbox');
  if (isPlatformAdmin(user)) capabilities.push('organizations');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('title', { name: user.name })}
        description={t('welcome', { organization: organization.name })}
      />
      <Paper component="section" withBorder p="md" aria-labelledby="home-roles">
        <Stack gap="sm">
          <Title order={2} size="h4" id="home-roles">
            {t('rolesTitle')}
          </Title>
          <RoleBadges roles={user.roles} />
        </Stack>
      </Paper>
      <Paper component="section" withBorder p="md" aria-labelledby="home-can-do">
        <Stack gap="sm">
          <Title order={2} size="h4" id="home-can-do">
            {t('canDoTitle')}
          </Title>
          <List spacing="xs">
            {capabilities.map((capability) => (
              <List.Item key={capability}>
                <Anchor component={Link} to={LINKS[capability]}>
                  {t(`canDo.${capability}`)}
                </Anchor>
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('upcoming')}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
