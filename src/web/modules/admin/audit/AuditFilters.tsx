import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../../app/i18n';
import { focusFirstError } from '../../../ui/form-errors';
import { adminKeys, fetchUsers } from '../admin-api';
import { filterActions, useAuditLabels } from './audit-labels';

export interface AuditFilterValues {
  actor: string;
  resourceType: string;
  resourceId: string;
  action: string;
  /** Calendar days "YYYY-MM-DD", Paris time. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = {
  actor: '',
  resourceType: '',
  resourceId: '',
  action: '',
  from: '',
  to: '',
};
const FIELDS = ['actor', 'resourceType', 'resourceId', 'action', 'from', 'to'] as const;
// The user list is one page: enough for a regional platform, searchable in the select.
const ACTOR_QUERY = { page: 1, pageSize: 100 };

interface AuditFiltersProps {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFilters({ values, onApply }: AuditFiltersProps) {
  const { t } = useTranslation(['admin', 'common']);
  const users = useQuery({ queryKey: adminKeys.users(ACTOR_QUERY), queryFn: () => fetchUsers(ACTOR_QUERY) });
  const { actionOptions } = useAuditLabels();
  const form = useForm<AuditFilterValues>({
    initialValues: values,
    validate: {
      to: (to, all) => (to && all.from && to < all.from ? i18next.t('validation.period') : null),
    },
  });
  const actorOptions = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.name} (${user.email})`,
  }));

  return (
    <form
      noValidate
      role="search"
      aria-label={t('audit.filtersTitle')}
      onSubmit={form.onSubmit(onApply, (errors) => focusFirstError(errors, FIELDS))}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Select
            label={t('audit.actor')}
            placeholder={t('audit.anyActor')}
            data={actorOptions}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('users.empty')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('actor')}
            // Mantine's Select speaks `null` for "nothing chosen"; the form and URL keep ''.
            value={form.values.actor || null}
            onChange={(value) => form.setFieldValue('actor', value ?? '')}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('audit.anyAction')}
            data={actionOptions(form.values.action)}
            filter={filterActions}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('audit.noAction')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('action')}
            // The option's value is the action code: the URL keeps `action=auth.login.succeeded`.
            value={form.values.action || null}
            onChange={(value) => form.setFieldValue('action', value ?? '')}
          />
          <TextInput label={t('audit.resourceType')} autoComplete="off" {...form.getInputProps('resourceType')} />
          <TextInput label={t('audit.resourceId')} autoComplete="off" {...form.getInputProps('resourceId')} />
          <TextInput label={t('audit.from')} type="date" {...form.getInputProps('from')} />
          <TextInput label={t('audit.to')} type="date" {...form.getInputProps('to')} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{t('common:actions.filter')}</Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(EMPTY_AUDIT_FILTERS);
              onApply(EMPTY_AUDIT_FILTERS);
            }}
          >
            {t('common:actions.clearFilters')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
