import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestStatus, TRequestUrgency } from '../../../shared/requests';
import { OverdueIcon, UrgentIcon } from './icons';

const STATUS_COLORS: Record<TRequestStatus, string> = {
  new: 'passerelle',
  contacted: 'orange',
  accompaniment_opened: 'green',
  redirected: 'gray',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: TRequestStatus }) {
  const { t } = useTranslation('requests');
  return (
    <Badge color={STATUS_COLORS[status]} tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Urgent and emergency requests carry an icon as well as their word and colour. */
export function UrgencyBadge({ urgency }: { urgency: TRequestUrgency }) {
  const { t } = useTranslation('requests');
  const pressing = urgency !== 'standard';
  return (
    <Badge
      color={urgency === 'emergency_department' ? 'red' : urgency === 'urgent' ? 'orange' : 'gray'}
      tt="none"
      leftSection={pressing ? <UrgentIcon /> : undefined}
    >
      {t(`urgency.${urgency}`)}
    </Badge>
  );
}

/** Late is said in words, with an icon, on a solid background: never by colour alone. */
export function OverdueBadge() {
  const { t } = useTranslation('requests');
  return (
    <Badge color="red" variant="filled" tt="none" leftSection={<OverdueIcon />}>
      {t('overdue')}
    </Badge>
  );
}
