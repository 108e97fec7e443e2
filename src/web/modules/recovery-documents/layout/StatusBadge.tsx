import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDocumentStatus } from '../../../../shared/recovery-documents';

const COLORS: Record<TDocumentStatus, string> = { draft: 'orange', active: 'green', withdrawn: 'gray' };

export function DocumentStatusBadge({ status }: { status: TDocumentStatus }) {
  const { t } = useTranslation('recoveryDocuments');
  return <Badge color={COLORS[status]}>{t(`status.${status}`)}</Badge>;
}
