import { Anchor, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';

/** Shown on the login page: a person looking for support finds the public form from there. */
export function PublicRequestInvite() {
  const { t } = useTranslation('publicRequest');
  return (
    <Stack gap={4} align="center">
      <Divider w="100%" my="xs" />
      <Text size="sm" ta="center">
        {t('loginInvite.question')}
      </Text>
      <Anchor component={Link} to={paths.publicRequest} size="sm" fw={600} ta="center">
        {t('loginInvite.link')}
      </Anchor>
    </Stack>
  );
}
