import { Burger, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { paths } from './paths';
import { useCurrentSession } from './session';
import { UserMenu } from './UserMenu';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
  navId: string;
}

export function AppHeader({ navOpened, onToggleNav, navId }: AppHeaderProps) {
  const { t } = useTranslation();
  const { organization } = useCurrentSession();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
          aria-expanded={navOpened}
          aria-controls={navId}
        />
        <Text
          component={Link}
          to={paths.home}
          fw={800}
          fz="xl"
          c="passerelle.8"
          style={{ textDecoration: 'none' }}
        >
          {t('appName')}
        </Text>
        <Text size="sm" c="dimmed" visibleFrom="sm" lineClamp={1} style={{ minWidth: 0 }}>
          {organization.name}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}
