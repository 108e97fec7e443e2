import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConflictAlertProps {
  title: string;
  text: string;
  onReload: () => void;
}

/**
 * A 409 on a stale version: say what happened and offer to load the latest version. It takes
 * focus, because the save button that was pressed is now disabled and may be far below.
 */
export function ConflictAlert({ title, text, onReload }: ConflictAlertProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Alert ref={ref} tabIndex={-1} color="orange" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        {text}
        <Button variant="outline" color="orange" onClick={onReload}>
          {t('actions.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
