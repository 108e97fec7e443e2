import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../shared/roles';

export function RoleBadges({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} tt="none">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
