import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { Section } from './Section';

export function TwoFactorStatus() {
  const { t } = useTranslation('account');
  const { user } = useCurrentSession();
  const on = user.twoFactorEnabled;
  return (
    <Section title={t('twoFactor.title')}>
      <Group gap="xs">
        <Text size="sm">{t('twoFactor.status')}</Text>
        <Badge color={on ? 'green' : 'orange'} tt="none">
          {on ? t('twoFactor.on') : t('twoFactor.off')}
        </Badge>
      </Group>
      <Text size="sm">{on ? t('twoFactor.onText') : t('twoFactor.offText')}</Text>
      {!on && (
        <div>
          <Button component={Link} to={paths.twoFactor}>
            {t('twoFactor.enable')}
          </Button>
        </div>
      )}
    </Section>
  );
}
