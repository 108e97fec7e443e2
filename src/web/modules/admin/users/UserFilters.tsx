import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRole } from '../../../../shared/roles';

export interface UserFilterValues {
  search: string;
  role: string;
  active: string;
}

interface UserFiltersProps {
  values: UserFilterValues;
  onChange: (changes: Partial<UserFilterValues>) => void;
}

/** Selects apply at once; the search box waits for a pause in typing. */
export function UserFilters({ values, onChange }: UserFiltersProps) {
  const { t } = useTranslation(['admin', 'common']);
  const [search, setSearch] = useState(values.search);
  const applySearch = useDebouncedCallback((value: string) => onChange({ search: value.trim() }), 400);

  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('users.filters')}>
      <TextInput
        label={t('users.search')}
        description={t('users.searchHint')}
        type="search"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          applySearch(event.currentTarget.value);
        }}
        style={{ flex: '2 1 16rem' }}
      />
      <NativeSelect
        label={t('users.role')}
        value={values.role}
        onChange={(event) => onChange({ role: event.currentTarget.value })}
        data={[
          { value: '', label: t('users.allRoles') },
          ...ZRole.options.map((role) => ({ value: role, label: t(`common:roles.${role}`) })),
        ]}
        style={{ flex: '1 1 12rem' }}
      />
      <NativeSelect
        label={t('users.active')}
        value={values.active}
        onChange={(event) => onChange({ active: event.currentTarget.value })}
        data={[
          { value: '', label: t('users.allStates') },
          { value: 'true', label: t('users.activeOnly') },
          { value: 'false', label: t('users.inactiveOnly') },
        ]}
        style={{ flex: '1 1 10rem' }}
      />
    </Group>
  );
}
