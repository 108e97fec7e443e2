import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DOCUMENT_KINDS, type TDocumentKind } from '../../../../shared/recovery-documents';
import type { TDocumentSummary } from '../../../../shared/recovery-documents-api';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { createDocument, documentKeys, fetchMyDocuments, fetchTemplates } from '../api/documents-api';
import { formatCalendarDay, formatDay } from '../format';
import { DocumentStatusBadge } from '../layout/StatusBadge';
import { recoveryPaths } from '../paths';
import { bigButton } from '../ui';

/** "Mes documents": the person's plans, and "Créer mon plan" for each kind, explained in one line. */
export function MyDocumentsPage() {
  const { t } = useTranslation('recoveryDocuments');
  const documents = useQuery({ queryKey: documentKeys.mine, queryFn: fetchMyDocuments });
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <section aria-labelledby="my-documents-title">
        <Stack gap="sm">
          <Title order={2} id="my-documents-title">
            {t('list.mine')}
          </Title>
          {documents.isPending && <LoadingState />}
          {documents.isError && <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />}
          {documents.data &&
            (documents.data.items.length === 0 ? (
              <EmptyMessage title={t('list.none')} hint={t('list.noneHint')} />
            ) : (
              <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                {documents.data.items.map((document) => (
                  <DocumentCard key={document.id} document={document} />
                ))}
              </Stack>
            ))}
        </Stack>
      </section>
      <CreateDocumentSection />
    </Stack>
  );
}

function DocumentCard({ document }: { document: TDocumentSummary }) {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Anchor component={Link} to={recoveryPaths.document(document.id)} fw={700} fz="lg" style={{ display: 'inline-flex', minHeight: 44, alignItems: 'center' }} aria-label={t('list.open', { title: document.title })}>
          {document.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t(`kinds.${document.kind}`)}
        </Text>
        <div>
          <DocumentStatusBadge status={document.status} />
        </div>
        <Text size="sm">
          {document.activeValidatedAt ? t('list.validatedOn', { date: formatDay(document.activeValidatedAt) }) : t('list.neverValidated')}
          {document.activeValidatedAt && document.hasDraft ? ` ${t('list.draftInProgress')}` : ''}
        </Text>
        {document.reviewDueOn && document.status === 'active' && <Text size="sm">{t('list.reviewDue', { date: formatCalendarDay(document.reviewDueOn) })}</Text>}
      </Stack>
    </Paper>
  );
}

function CreateDocumentSection() {
  const { t } = useTranslation('recoveryDocuments');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: documentKeys.templates, queryFn: fetchTemplates });
  const available: readonly TDocumentKind[] = templates.data ? templates.data.items.map((template) => template.kind) : DOCUMENT_KINDS;
  const create = useMutation({
    mutationFn: (kind: TDocumentKind) => createDocument({ kind }),
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.mine });
      void navigate(recoveryPaths.document(detail.document.id), { state: { notice: 'created' } });
    },
  });
  return (
    <section aria-labelledby="create-document-title">
      <Stack gap="sm">
        <Title order={2} id="create-document-title">
          {t('list.create')}
        </Title>
        <Text>{t('list.createHint')}</Text>
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {DOCUMENT_KINDS.filter((kind) => available.includes(kind)).map((kind) => (
            <Paper key={kind} withBorder p="md" radius="md">
              <Stack gap="sm" h="100%" justify="space-between">
                <div>
                  <Text fw={700} fz="lg">
                    {t(`kinds.${kind}`)}
                  </Text>
                  <Text size="sm">{t(`kindHints.${kind}`)}</Text>
                </div>
                <Button {...bigButton} variant="light" onClick={() => create.mutate(kind)} loading={create.isPending && create.variables === kind} disabled={create.isPending}>
                  {t('list.createButton', { kind: t(`kinds.${kind}`) })}
                </Button>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </section>
  );
}
