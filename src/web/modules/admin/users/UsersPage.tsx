import { Button, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ZUserListQuery } from '../../../../shared/admin';
import { ZRole } from '../../../../shared/roles';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { adminKeys, fetchUsers, PAGE_SIZE, type TUserListQuery } from '../admin-api';
import { pageFrom, withParams } from '../search-params';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UsersTable } from './UsersTable';

/** Filters live in the URL (`?recherche=…&role=…&actif=…&page=…`): shareable, back-button friendly. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const filters: UserFilterValues = {
    search: params.get('recherche') ?? '',
    role: ZRole.safeParse(params.get('role')).data ?? '',
    active: ZUserListQuery.shape.active.safeParse(params.get('actif') ?? undefined).data ?? '',
  };
  const query: TUserListQuery = {
    page: pageFrom(params),
    pageSize: PAGE_SIZE,
    search: filters.search || undefined,
    role: ZRole.safeParse(filters.role).data,
    active: ZUserListQuery.shape.active.safeParse(filters.active || undefined).data,
  };
  const users = useQuery({
    queryKey: adminKeys.users(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  // A role picked while the typed search is still on its way must not drop it: changes made
  // before the URL catches up are merged, then forgotten once it has.
  const unsaved = useRef<Record<string, string>>({});
  useEffect(() => {
    unsaved.current = {};
  }, [params]);
  const onFiltersChange = (changes: Partial<UserFilterValues>) => {
    const next: Record<string, string> = { ...unsaved.current };
    if (changes.search !== undefined) next.recherche = changes.search;
    if (changes.role !== undefined) next.role = changes.role;
    if (changes.active !== undefined) next.actif = changes.active;
    unsaved.current = next;
    setParams(withParams(params, next), { replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button component={Link} to={paths.invitations}>
            {t('users.invite')}
          </Button>
        }
      />
      <UserFilters values={filters} onChange={onFiltersChange} />
      <Text role="status" size="sm" fw={600}>
        {users.data ? t('users.count', { count: users.data.total }) : ''}
      </Text>
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending && <LoadingState />}
      {users.data && (
        <UsersTable
          rows={users.data.items}
          total={users.data.total}
          page={users.data.page}
          pageSize={users.data.pageSize}
          onPageChange={(page) => setParams(withParams(params, { page }))}
          refreshing={users.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
