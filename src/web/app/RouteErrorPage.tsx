import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { PageHeader } from '../ui/PageHeader';
import { PublicShell } from './PublicShell';

/** Last resort when a page crashes while rendering: say so plainly and offer a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <PublicShell>
      <Stack>
        <PageHeader title={t('crash.title')} />
        <Text>{t('crash.text')}</Text>
        <div>
          <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
        </div>
      </Stack>
    </PublicShell>
  );
}
