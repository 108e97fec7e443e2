import { Checkbox, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEPARTEMENTS } from '../../../shared/persons';
import { REQUEST_SOURCES, REQUEST_STATUSES, REQUEST_URGENCIES } from '../../../shared/requests';

export interface TriageFilterValues {
  status: string;
  urgency: string;
  source: string;
  departement: string;
  overdue: boolean;
}

interface TriageFiltersProps {
  values: TriageFilterValues;
  onChange: (changes: Partial<TriageFilterValues>) => void;
}

/** Each filter applies at once and lands in the address, so a filtered queue can be shared. */
export function TriageFilters({ values, onChange }: TriageFiltersProps) {
  const { t } = useTranslation(['requests', 'persons']);
  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('triage.filters')}>
      <NativeSelect
        label={t('triage.statusFilter')}
        value={values.status}
        onChange={(event) => onChange({ status: event.currentTarget.value })}
        data={[
          { value: '', label: t('triage.allStatuses') },
          ...REQUEST_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
        ]}
        style={{ flex: '1 1 11rem' }}
      />
      <NativeSelect
        label={t('triage.urgencyFilter')}
        value={values.urgency}
        onChange={(event) => onChange({ urgency: event.currentTarget.value })}
        data={[
          { value: '', label: t('triage.allUrgencies') },
          ...REQUEST_URGENCIES.map((urgency) => ({ value: urgency, label: t(`urgency.${urgency}`) })),
        ]}
        style={{ flex: '1 1 11rem' }}
      />
      <NativeSelect
        label={t('triage.sourceFilter')}
        value={values.source}
        onChange={(event) => onChange({ source: event.currentTarget.value })}
        data={[
          { value: '', label: t('triage.allSources') },
          ...REQUEST_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) })),
        ]}
        style={{ flex: '1 1 11rem' }}
      />
      <NativeSelect
        label={t('triage.departementFilter')}
        value={values.departement}
        onChange={(event) => onChange({ departement: event.currentTarget.value })}
        data={[
          { value: '', label: t('triage.allDepartements') },
          ...DEPARTEMENTS.map((code) => ({ value: code, label: `${code} — ${t(`persons:departements.${code}`)}` })),
        ]}
        style={{ flex: '1 1 12rem' }}
      />
      <Checkbox
        label={t('triage.overdueOnly')}
        checked={values.overdue}
        onChange={(event) => onChange({ overdue: event.currentTarget.checked })}
        mb={8}
        style={{ flex: '1 1 14rem' }}
      />
    </Group>
  );
}
