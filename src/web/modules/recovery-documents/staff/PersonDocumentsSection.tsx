import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { documentKeys, fetchPersonDocuments } from '../api/documents-api';
import { formatDay } from '../format';
import { DocumentStatusBadge } from '../layout/StatusBadge';
import { recoveryPaths } from '../paths';

/**
 * "Documents de rétablissement" on a person's record, for staff: a facilitator the person invited
 * gets a link to write with them; a coordinator sees only that a document exists (when the person
 * agreed). Anyone else gets a 404 from the server and the block stays hidden.
 */
export function PersonDocumentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation('recoveryDocuments');
  const documents = useQuery({ queryKey: documentKeys.ofPerson(personId), queryFn: () => fetchPersonDocuments(personId), retry: false });
  if (documents.isError && isApiError(documents.error) && (documents.error.status === 404 || documents.error.status === 403)) return null;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="person-recovery-documents-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="person-recovery-documents-title">
          {t('staff.blockTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('staff.blockIntro')}
        </Text>
        {documents.isPending && <LoadingState />}
        {documents.isError && <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />}
        {documents.data && documents.data.items.length === 0 && <Text>{t('staff.none')}</Text>}
        {documents.data && documents.data.items.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('staff.caption')}>
            {documents.data.items.map((document) => (
              <li key={document.id}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={700}>{document.title}</Text>
                  <Badge color="gray">{t(`kinds.${document.kind}`)}</Badge>
                  <DocumentStatusBadge status={document.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  {document.activeValidatedAt ? t('list.validatedOn', { date: formatDay(document.activeValidatedAt) }) : t('list.neverValidated')}
                  {' · '}
                  {t('list.updatedOn', { date: formatDay(document.updatedAt) })}
                </Text>
                {document.access === 'facilitator' && document.status !== 'withdrawn' ? (
                  <Anchor component={Link} to={recoveryPaths.facilitation(personId, document.id)} fw={600} style={{ display: 'inline-flex', minHeight: 44, alignItems: 'center' }} aria-label={t('staff.writeLabel', { title: document.title })}>
                    {t('staff.write')}
                  </Anchor>
                ) : (
                  document.access === 'existence' && <Text size="sm">{t('staff.existenceOnly')}</Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
