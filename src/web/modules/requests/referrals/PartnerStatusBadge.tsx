import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TReferralStatus } from '../requests-api';

const COLORS: Record<TReferralStatus['status'], string> = {
  received: 'passerelle',
  in_contact: 'orange',
  accompanied: 'green',
  closed: 'gray',
};

export function PartnerStatusBadge({ status }: { status: TReferralStatus['status'] }) {
  const { t } = useTranslation('requests');
  return (
    <Badge color={COLORS[status]} tt="none">
      {t(`mine.status.${status}`)}
    </Badge>
  );
}
