import { Alert, Button, Code, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PublicRequestDoneProps {
  reference: string;
  whatHappensNext: string;
  acknowledgementSent: boolean;
  onAnother: () => void;
}

/** The reference to keep and what happens next; it takes focus so it is read out at once. */
export function PublicRequestDone({ reference, whatHappensNext, acknowledgementSent, onAnother }: PublicRequestDoneProps) {
  const { t } = useTranslation('publicRequest');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap="md">
      <Alert color="green" role="status">
        <Stack gap="sm">
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
            {t('done.title')}
          </Title>
          <div>
            <Text size="sm">{t('done.reference')}</Text>
            <Code fz="xl" fw={700} c="dark.9" bg="white" px="sm" py={4} data-testid="public-request-reference">
              {reference}
            </Code>
          </div>
          <Text size="sm">{t('done.keepIt')}</Text>
        </Stack>
      </Alert>
      <Title order={2} size="h4">
        {t('done.nextTitle')}
      </Title>
      <Text>{whatHappensNext}</Text>
      {acknowledgementSent && <Text size="sm">{t('done.acknowledgement')}</Text>}
      <div>
        <Button variant="outline" onClick={onAnother}>
          {t('done.another')}
        </Button>
      </div>
    </Stack>
  );
}
