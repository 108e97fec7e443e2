import { Box, Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { MAIN_ID, SkipLink } from './SkipLink';

interface PublicShellProps {
  children: ReactNode;
  /** Card width in pixels; it shrinks to the screen below that. */
  width?: number;
  /** Extra header content, e.g. a sign-out button during 2FA enrolment. */
  headerExtra?: ReactNode;
}

/** Pages without the app shell: one centred card, header and main landmarks, language switch. */
export function PublicShell({ children, width = 460, headerExtra }: PublicShellProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" maw={width + 160} mx="auto" gap="sm">
          <div>
            <Text fw={800} fz="xl" c="passerelle.8" lh={1.2}>
              {t('appName')}
            </Text>
            <Text size="xs" c="dimmed" visibleFrom="xs">
              {t('appTagline')}
            </Text>
          </div>
          <Group gap="sm" ml="auto">
            {headerExtra}
            <LanguageSwitch />
          </Group>
        </Group>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} px={{ base: 'xs', xs: 'md' }} pb="xl" style={{ flex: 1 }}>
        <Card withBorder shadow="sm" radius="md" padding="lg" maw={width} mx="auto" mt={{ base: 'xs', sm: 'xl' }}>
          {children}
        </Card>
      </Box>
    </Box>
  );
}
