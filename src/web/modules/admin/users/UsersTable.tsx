import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TUserSummary } from '../../../../shared/admin';
import { paths } from '../../../app/paths';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { RoleBadges } from '../../../ui/RoleBadges';

interface UsersTableProps {
  rows: readonly TUserSummary[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  refreshing: boolean;
}

export function UsersTable(props: UsersTableProps) {
  const { t } = useTranslation('admin');
  const columns: Column<TUserSummary>[] = [
    {
      key: 'name',
      header: t('users.columns.name'),
      rowHeader: true,
      cell: (user) => (
        <Anchor component={Link} to={paths.user(user.id)} fw={600}>
          {user.name}
        </Anchor>
      ),
    },
    { key: 'email', header: t('users.columns.email'), cell: (user) => user.email },
    { key: 'roles', header: t('users.columns.roles'), cell: (user) => <RoleBadges roles={user.roles} /> },
    {
      key: 'active',
      header: t('users.columns.active'),
      cell: (user) => (
        <Badge color={user.active ? 'green' : 'gray'} tt="none">
          {user.active ? t('users.activeBadge') : t('users.inactiveBadge')}
        </Badge>
      ),
    },
    {
      key: 'twoFactor',
      header: t('users.columns.twoFactor'),
      cell: (user) => (
        <Badge color={user.twoFactorEnabled ? 'green' : 'orange'} tt="none">
          {user.twoFactorEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff')}
        </Badge>
      ),
    },
  ];
  return (
    <PaginatedTable
      caption={t('users.caption')}
      columns={columns}
      rowKey={(user) => user.id}
      empty={{ title: t('users.empty'), hint: t('users.emptyHint') }}
      minWidth={860}
      {...props}
    />
  );
}
