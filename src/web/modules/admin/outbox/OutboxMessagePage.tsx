import { Alert, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { adminKeys, fetchOutboxMessage } from '../admin-api';
import { LinkifiedText } from './LinkifiedText';
import { OUTBOX_STATUS_COLORS } from './status';

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} className="break-anywhere">
        {children}
      </Text>
    </div>
  );
}

export function OutboxMessagePage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const message = useQuery({ queryKey: adminKeys.outboxMessage(id), queryFn: () => fetchOutboxMessage(id) });
  const data = message.data;

  return (
    <Stack gap="md">
      <PageHeader
        title={data?.subject ?? t('outbox.detailTitle')}
        back={{ to: paths.outbox, label: t('outbox.back') }}
      />
      {message.isPending && <LoadingState />}
      {message.isError && <ErrorAlert error={message.error} onRetry={() => void message.refetch()} />}
      {data && (
        <>
          <Paper withBorder p="md" radius="md">
            <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
              <Entry label={t('outbox.to')}>{data.toAddress}</Entry>
              <Entry label={t('outbox.template')}>{data.template}</Entry>
              <Entry label={t('outbox.statusLabel')}>
                <Badge color={OUTBOX_STATUS_COLORS[data.status]} tt="none" component="span">
                  {t(`outbox.status.${data.status}`)}
                </Badge>
              </Entry>
              <Entry label={t('outbox.attempts')}>{data.attempts}</Entry>
              <Entry label={t('outbox.createdAt')}>{formatDateTime(data.createdAt)}</Entry>
              <Entry label={t('outbox.sentAt')}>
                {data.sentAt ? formatDateTime(data.sentAt) : t('outbox.notSent')}
              </Entry>
            </SimpleGrid>
          </Paper>
          {data.lastError && (
            <Alert color="red" title={t('outbox.lastError')} role="note">
              <Text size="sm" className="preserve-lines">
                {data.lastError}
              </Text>
            </Alert>
          )}
          <Paper component="section" withBorder p="md" radius="md" aria-labelledby="outbox-body-title">
            <Title order={2} size="h4" mb="sm" id="outbox-body-title">
              {t('outbox.body')}
            </Title>
            <Text className="preserve-lines">
              <LinkifiedText text={data.textBody} />
            </Text>
          </Paper>
        </>
      )}
    </Stack>
  );
}
