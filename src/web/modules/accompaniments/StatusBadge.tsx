import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAccompanimentStatus } from '../../../shared/accompaniments';
import { OutreachIcon, RuptureIcon } from './icons';

const COLORS: Record<TAccompanimentStatus, string> = {
  active: 'green',
  rupture_suspected: 'red',
  outreach_in_progress: 'orange',
  closed: 'gray',
};

/** A lost contact is said in words, with an icon, on a solid background: never by colour alone. */
export function AccompanimentStatusBadge({ status }: { status: TAccompanimentStatus }) {
  const { t } = useTranslation('accompaniments');
  const alarming = status === 'rupture_suspected' || status === 'outreach_in_progress';
  return (
    <Badge
      component="span"
      color={COLORS[status]}
      variant={status === 'rupture_suspected' ? 'filled' : 'light'}
      tt="none"
      leftSection={status === 'rupture_suspected' ? <RuptureIcon /> : alarming ? <OutreachIcon /> : undefined}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
