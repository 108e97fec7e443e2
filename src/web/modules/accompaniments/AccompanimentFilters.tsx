import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCOMPANIMENT_STATUSES } from '../../../shared/accompaniments';
import type { TPeerChoice } from './peer-choices';

export interface AccompanimentFilterValues {
  status: string;
  peerId: string;
}

interface AccompanimentFiltersProps {
  values: AccompanimentFilterValues;
  onChange: (changes: Partial<AccompanimentFilterValues>) => void;
  /** Coordinators narrow the list to one peer; peers see their own list only. */
  peers: readonly TPeerChoice[] | null;
}

/** Selects apply at once (their value lives in the URL). */
export function AccompanimentFilters({ values, onChange, peers }: AccompanimentFiltersProps) {
  const { t } = useTranslation('accompaniments');
  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('list.filters')}>
      <NativeSelect
        label={t('list.status')}
        value={values.status}
        onChange={(event) => onChange({ status: event.currentTarget.value })}
        data={[{ value: '', label: t('list.allStatuses') }, ...ACCOMPANIMENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
        style={{ flex: '1 1 14rem' }}
      />
      {peers && (
        <NativeSelect
          label={t('list.peer')}
          value={values.peerId}
          onChange={(event) => onChange({ peerId: event.currentTarget.value })}
          data={[{ value: '', label: t('list.allPeers') }, ...peers.map((peer) => ({ value: peer.id, label: peer.name }))]}
          style={{ flex: '1 1 14rem' }}
        />
      )}
    </Group>
  );
}
