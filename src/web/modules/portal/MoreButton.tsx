import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bigButton } from './ui';

export function MoreButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useTranslation('portal');
  return (
    <Button variant="default" onClick={onClick} loading={loading} {...bigButton}>
      {t('more')}
    </Button>
  );
}
