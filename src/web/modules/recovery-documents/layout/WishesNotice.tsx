import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** On every document page: these documents express wishes and preferences, never orders (DOMAIN §0.4). */
export function WishesNotice({ forOwner = true }: { forOwner?: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <Alert color="passerelle" variant="light" data-testid="wishes-notice">
      {forOwner ? t('notice') : t('noticeOther')}
    </Alert>
  );
}
