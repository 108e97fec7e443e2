import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../app/paths';

/** The two registers of the rights pages, side by side; the current one is marked for screen readers. */
export function RightsNav() {
  const { t } = useTranslation('rights');
  const { pathname } = useLocation();
  const links = [
    { to: paths.rightsRequests, label: t('nav.requests') },
    { to: paths.anonymisationProposals, label: t('nav.proposals') },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <Group gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {links.map((link) => {
          const current = pathname === link.to;
          return (
            <li key={link.to}>
              <Anchor component={Link} to={link.to} aria-current={current ? 'page' : undefined} fw={current ? 700 : 500} underline={current ? 'never' : 'always'}>
                {link.label}
              </Anchor>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
