import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { navSections, type NavSection } from './nav-items';
import { useCurrentSession } from './session';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function NavList({ section, pathname }: { section: NavSection; pathname: string }) {
  const { t } = useTranslation();
  const labelId = `nav-${section.key}`;
  return (
    <div>
      {section.key === 'administration' && (
        <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
          {t('nav.administration')}
        </Text>
      )}
      <ul style={listStyle} aria-labelledby={section.key === 'administration' ? labelId : undefined}>
        {section.items.map((item) => {
          const current = matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null;
          return (
            <li key={item.key}>
              <NavLink
                component={Link}
                to={item.to}
                label={t(`nav.${item.key}`)}
                active={current}
                aria-current={current ? 'page' : undefined}
                fw={current ? 700 : 500}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MainNav() {
  const { user, organization } = useCurrentSession();
  const { pathname } = useLocation();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" hiddenFrom="sm">
        {organization.name}
      </Text>
      {navSections(user).map((section) => (
        <NavList key={section.key} section={section} pathname={pathname} />
      ))}
    </Stack>
  );
}
