import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { detectRupturesNow, outreachKeys } from './outreach-api';

/** Coordinators need not wait for the night: the same detection, run now for the organisation. */
export function DetectNowButton() {
  const { t } = useTranslation('outreach');
  const queryClient = useQueryClient();
  const detection = useMutation({
    mutationFn: detectRupturesNow,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outreachKeys.all }),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" size="sm" loading={detection.isPending} onClick={() => detection.mutate()}>
        {t('queue.detectNow')}
      </Button>
      {detection.data && (
        <Text size="sm" role="status">
          {t('queue.detected', { count: detection.data.flagged })}
        </Text>
      )}
      <ErrorAlert error={detection.error} />
    </Stack>
  );
}
