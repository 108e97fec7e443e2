import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { documentKeys, fetchChanges, fetchVersion, versionPdfUrl } from '../api/documents-api';
import { formatDay, formatMoment } from '../format';
import { OwnerDocumentShell } from '../layout/OwnerDocumentShell';
import { DocumentContentView } from '../read/DocumentContentView';
import { touchTarget } from '../ui';
import { CompareSection } from '../versions/CompareView';

const VERSION_COLORS = { draft: 'orange', validated: 'green', superseded: 'gray' } as const;

/** The versions of a document: read an older one, download its PDF, compare two, see who wrote what. */
export function VersionsPage() {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <OwnerDocumentShell page="versions" title={() => t('versions.title')} description={t('versions.description')}>
      {(detail) => <VersionsBody detail={detail} />}
    </OwnerDocumentShell>
  );
}

function VersionsBody({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const [reading, setReading] = useState<number | null>(null);
  if (detail.versions.length === 0) return <Text>{t('versions.none')}</Text>;
  return (
    <Stack gap="lg">
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('versions.caption')}>
        {detail.versions.map((version) => (
          <Paper component="li" key={version.versionNo} withBorder p="md" radius="md">
            <Stack gap={6}>
              <Group gap="xs" justify="space-between">
                <Text fw={700} fz="lg">
                  {t('versions.version', { number: version.versionNo })}
                </Text>
                <Badge color={VERSION_COLORS[version.status]}>{t(`versionStatus.${version.status}`)}</Badge>
              </Group>
              <Text size="sm">
                {version.validatedAt ? `${t('versions.validatedAt')} ${formatDay(version.validatedAt)}` : `${t('versions.createdAt')} ${formatDay(version.createdAt)}`}
              </Text>
              <Group gap="sm">
                <Button variant={reading === version.versionNo ? 'filled' : 'light'} {...touchTarget} onClick={() => setReading(reading === version.versionNo ? null : version.versionNo)} aria-expanded={reading === version.versionNo}>
                  {t('versions.read', { number: version.versionNo })}
                </Button>
                {version.status !== 'draft' && (
                  <Anchor href={versionPdfUrl(detail.document.id, version.versionNo)} download style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>
                    {t('versions.pdf', { number: version.versionNo })}
                  </Anchor>
                )}
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {reading !== null && <VersionReader documentId={detail.document.id} versionNo={reading} onClose={() => setReading(null)} />}
      <CompareSection detail={detail} />
      <ChangesSection documentId={detail.document.id} sectionTitle={(code) => detail.template.definition.sections.find((section) => section.code === code)?.title ?? code} />
    </Stack>
  );
}

function VersionReader({ documentId, versionNo, onClose }: { documentId: string; versionNo: number; onClose: () => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const version = useQuery({ queryKey: documentKeys.version(documentId, versionNo), queryFn: () => fetchVersion(documentId, versionNo) });
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    if (version.data) heading.current?.focus();
  }, [version.data]);
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="version-reading-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="version-reading-title" ref={heading} tabIndex={-1}>
            {t('versions.readingTitle', { number: versionNo })}
          </Title>
          <Button variant="default" {...touchTarget} onClick={onClose}>
            {t('versions.close')}
          </Button>
        </Group>
        {version.isPending && <LoadingState />}
        <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />
        {version.data && <DocumentContentView sections={version.data.template.definition.sections} content={version.data.content} headingOrder={3} />}
      </Stack>
    </Paper>
  );
}

function ChangesSection({ documentId, sectionTitle }: { documentId: string; sectionTitle: (code: string) => string }) {
  const { t } = useTranslation('recoveryDocuments');
  const changes = useQuery({ queryKey: documentKeys.changes(documentId), queryFn: () => fetchChanges(documentId) });
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="changes-title">
      <Stack gap="sm">
        <Title order={2} id="changes-title">
          {t('versions.changesTitle')}
        </Title>
        {changes.isPending && <LoadingState />}
        <ErrorAlert error={changes.error} onRetry={() => void changes.refetch()} />
        {changes.data && changes.data.items.length === 0 && <Text>{t('versions.noChanges')}</Text>}
        {changes.data && changes.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={520} tabIndex={0} role="region" aria-label={t('versions.changesCaption')}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('versions.changeWho')}</Table.Th>
                  <Table.Th scope="col">{t('versions.changeWhen')}</Table.Th>
                  <Table.Th scope="col">{t('versions.changeVersion')}</Table.Th>
                  <Table.Th scope="col">{t('versions.changeWhat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.data.items.map((change) => (
                  <Table.Tr key={change.id}>
                    <Table.Th scope="row" fw="normal">
                      {change.asRole === 'owner'
                        ? t('versions.changeYou')
                        : t(change.inPresenceOfPerson ? 'versions.changeFacilitator' : 'versions.changeFacilitatorAlone', { name: change.user?.name ?? '—' })}
                    </Table.Th>
                    <Table.Td>
                      <time dateTime={change.changedAt}>{formatMoment(change.changedAt, t('views.at'))}</time>
                    </Table.Td>
                    <Table.Td>{change.versionNo}</Table.Td>
                    <Table.Td>{change.sectionCodes.map(sectionTitle).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
