import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader';
import { paths } from './paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <div>
        <Button component={Link} to={paths.home} variant="outline">
          {t('notFound.home')}
        </Button>
      </div>
    </Stack>
  );
}
