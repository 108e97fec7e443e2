import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SuccessAlertProps {
  children: ReactNode;
  onClose?: () => void;
  /** `info` for neutral news (session ended), `success` for a completed action. */
  tone?: 'success' | 'info';
}

/** Confirmations are status updates, not alarms: `role="status"`. */
export function SuccessAlert({ children, onClose, tone = 'success' }: SuccessAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color={tone === 'success' ? 'green' : 'passerelle'}
      role="status"
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={t('actions.close')}
    >
      {children}
    </Alert>
  );
}
