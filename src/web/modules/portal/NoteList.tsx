import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPortalNote } from '../../../shared/portal';
import { formatDay } from './portal-format';

/** Shared notes as the person reads them: the text first, then who wrote it and when. */
export function NoteList({ notes }: { notes: TPortalNote[] }) {
  const { t } = useTranslation('portal');
  return (
    <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
      {notes.map((note) => (
        <Paper component="li" key={note.id} withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
          <Stack gap="xs">
            <Text style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
              {note.body}
            </Text>
            <Text size="sm" c="dimmed">
              {t('notes.by', { name: note.authorFirstName, date: formatDay(note.writtenAt) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
