import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { MAIN_ID, SkipLink } from './SkipLink';

const NAV_ID = 'navigation-principale';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Matches Mantine's `sm` breakpoint (48em): below it the navbar slides in over the page.
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { pathname } = useLocation();
  const previousPath = useRef(pathname);

  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    close();
    // After a client-side navigation, start reading at the new page, as a full load would.
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, close]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <AppHeader navOpened={opened} onToggleNav={toggle} navId={NAV_ID} />
        </AppShell.Header>
        <AppShell.Navbar
          id={NAV_ID}
          p="sm"
          aria-label={t('nav.label')}
          // Off-screen links must not catch keyboard focus while the mobile menu is closed.
          inert={isMobile && !opened}
        >
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1} inert={isMobile && opened}>
          <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
