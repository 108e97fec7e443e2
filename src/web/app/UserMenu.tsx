import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from './paths';
import { useCurrentSession } from './session';
import { useSignOut } from './use-sign-out';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('nav.userMenu', { name: user.name })}
          style={{ display: 'flex', alignItems: 'center', gap: 8, borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Avatar color="passerelle" radius="xl" size="md" aria-hidden="true">
            {initials(user.name)}
          </Avatar>
          <Text size="sm" fw={600} visibleFrom="md" aria-hidden="true">
            {user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to={paths.account}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
