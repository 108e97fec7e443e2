import { Badge, Box, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { documentKeys, fetchComparison } from '../api/documents-api';
import { SectionContentView } from '../read/DocumentContentView';
import { touchTarget } from '../ui';
import { compareView, defaultPair } from './compare-model';

const STATUS_COLORS = { unchanged: 'gray', changed: 'orange', added: 'green', removed: 'red' } as const;

/** Two versions side by side, section by section; the sections that changed stand out. */
export function CompareSection({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const numbers = detail.versions.map((version) => version.versionNo);
  const initial = defaultPair(numbers);
  const [from, setFrom] = useState(initial?.from ?? 0);
  const [to, setTo] = useState(initial?.to ?? 0);
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const comparison = useQuery({
    queryKey: documentKeys.compare(detail.document.id, asked?.from ?? 0, asked?.to ?? 0),
    queryFn: () => fetchComparison(detail.document.id, asked?.from ?? 0, asked?.to ?? 0),
    enabled: asked !== null,
  });
  if (!initial) return null;
  const options = numbers.map((number) => ({ value: String(number), label: t('versions.version', { number }) }));
  const view = comparison.data ? compareView(comparison.data, detail.template.definition.sections, onlyChanged) : null;
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="compare-title">
      <Stack gap="md">
        <Title order={2} id="compare-title">
          {t('versions.compareTitle')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (from !== to) setAsked({ from, to });
          }}
        >
          <Group gap="sm" align="flex-end">
            <NativeSelect label={t('versions.compareFrom')} value={String(from)} onChange={(event) => setFrom(Number(event.currentTarget.value))} data={options} size="md" />
            <NativeSelect label={t('versions.compareTo')} value={String(to)} onChange={(event) => setTo(Number(event.currentTarget.value))} data={options} size="md" error={from === to ? t('versions.compareSame') : undefined} />
            <Button type="submit" {...touchTarget} disabled={from === to}>
              {t('versions.compare')}
            </Button>
          </Group>
        </form>
        {comparison.isFetching && <LoadingState />}
        <ErrorAlert error={comparison.error} />
        {view && comparison.data && (
          <Stack gap="sm">
            <Text role="status" fw={600}>
              {view.changedCount === 0 ? t('versions.compareNone') : t('versions.compareSummary', { count: view.changedCount })}
            </Text>
            <Checkbox label={t('versions.onlyChanged')} checked={onlyChanged} onChange={(event) => setOnlyChanged(event.currentTarget.checked)} size="md" />
            {view.sections.map((section) => (
              <Paper
                key={section.code}
                component="section"
                aria-labelledby={`compare-${section.code}`}
                withBorder
                p="sm"
                radius="md"
                bg={section.highlighted ? 'orange.0' : undefined}
                style={section.highlighted ? { borderColor: 'var(--mantine-color-orange-8)', borderWidth: 2 } : undefined}
                data-compare-status={section.status}
              >
                <Stack gap="sm">
                  <Group gap="xs" justify="space-between">
                    <Title order={3} size="h4" id={`compare-${section.code}`}>
                      {section.title}
                    </Title>
                    <Badge color={STATUS_COLORS[section.status]}>{t(`versions.sectionStatus.${section.status}`)}</Badge>
                  </Group>
                  {section.status === 'unchanged' ? (
                    <SectionContentView section={section.template} content={section.to} />
                  ) : (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <Box>
                        <Text fw={700} c="dimmed" size="sm">
                          {t('versions.before', { number: comparison.data.from })}
                        </Text>
                        <SectionContentView section={section.template} content={section.from} />
                      </Box>
                      <Box>
                        <Text fw={700} c="dimmed" size="sm">
                          {t('versions.after', { number: comparison.data.to })}
                        </Text>
                        <SectionContentView section={section.template} content={section.to} />
                      </Box>
                    </SimpleGrid>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
