import { Badge, Button, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZInvitationSummary } from '../../../../shared/admin';
import { formatDate } from '../../../app/format';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { RoleBadges } from '../../../ui/RoleBadges';

type TInvitation = z.output<typeof ZInvitationSummary>;

const STATUS_COLORS: Record<TInvitation['status'], MantineColor> = {
  pending: 'orange',
  accepted: 'green',
  revoked: 'gray',
  expired: 'red',
};

interface InvitationsTableProps {
  rows: readonly TInvitation[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  refreshing: boolean;
  onRevoke: (invitation: TInvitation) => void;
}

export function InvitationsTable({ onRevoke, ...props }: InvitationsTableProps) {
  const { t } = useTranslation('admin');
  const columns: Column<TInvitation>[] = [
    { key: 'name', header: t('invitations.columns.name'), rowHeader: true, cell: (row) => row.name },
    { key: 'email', header: t('invitations.columns.email'), cell: (row) => row.email },
    { key: 'roles', header: t('invitations.columns.roles'), cell: (row) => <RoleBadges roles={row.roles} /> },
    {
      key: 'status',
      header: t('invitations.columns.status'),
      cell: (row) => (
        <Badge color={STATUS_COLORS[row.status]} tt="none">
          {t(`invitations.status.${row.status}`)}
        </Badge>
      ),
    },
    { key: 'expiresAt', header: t('invitations.columns.expiresAt'), cell: (row) => formatDate(row.expiresAt) },
    {
      key: 'actions',
      header: t('invitations.columns.actions'),
      cell: (row) =>
        row.status === 'pending' ? (
          <Button
            size="xs"
            variant="outline"
            color="red"
            onClick={() => onRevoke(row)}
            aria-label={t('invitations.revokeLabel', { name: row.name })}
          >
            {t('invitations.revoke')}
          </Button>
        ) : null,
    },
  ];
  return (
    <PaginatedTable
      caption={t('invitations.caption')}
      columns={columns}
      rowKey={(row) => row.id}
      empty={{ title: t('invitations.empty'), hint: t('invitations.emptyHint') }}
      minWidth={900}
      {...props}
    />
  );
}

export type { TInvitation };
