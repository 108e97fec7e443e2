import { Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNote, TNoteInput } from '../../../../shared/accompaniments';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { TablePagination } from '../../../ui/TablePagination';
import { ConflictAlert } from '../../persons/ui/ConflictAlert';
import { accompanimentKeys, addNote, fetchNotes, updateNote } from '../accompaniments-api';
import { formatShortDateTime } from '../time';
import { ConfidentialityBadge } from './ConfidentialityBadge';
import { NoteForm } from './NoteForm';

const PAGE_SIZE = 10;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function NoteItem({ accompanimentId, note, canWork }: { accompanimentId: string; note: TNote; canWork: boolean }) {
  const { t } = useTranslation('accompaniments');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: TNoteInput) => updateNote(accompanimentId, note.id, { version: note.version, ...input }),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.notesAll(accompanimentId) });
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const edited = note.updatedAt !== note.writtenAt;
  return (
    <Box component="li" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text size="sm">
            <Text span fw={700}>
              {note.author.name}
            </Text>
            {' · '}
            {formatShortDateTime(note.writtenAt)}
            {edited ? ` · ${t('notes.edited', { date: formatShortDateTime(note.updatedAt) })}` : ''}
          </Text>
          <ConfidentialityBadge confidentiality={note.confidentiality} />
        </Group>
        {conflict && (
          <ConflictAlert
            title={t('notes.conflictTitle')}
            text={t('notes.conflictText')}
            onReload={() => {
              setEditing(false);
              mutation.reset();
              void queryClient.invalidateQueries({ queryKey: accompanimentKeys.notesAll(accompanimentId) });
            }}
          />
        )}
        {editing ? (
          <Paper withBorder p="sm" bg="gray.0">
            <NoteForm
              formId={`note-${note.id}`}
              title={t('notes.editTitle')}
              initial={{ confidentiality: note.confidentiality, body: note.body }}
              submitLabel={t('notes.saveEdit')}
              pending={mutation.isPending}
              error={conflict ? null : mutation.error}
              onSubmit={(input) => mutation.mutate(input)}
              onCancel={() => setEditing(false)}
            />
          </Paper>
        ) : (
          <Text className="preserve-lines">{note.body}</Text>
        )}
        {canWork && note.policies.update && !editing && (
          <div>
            <Button size="sm" variant="default" onClick={() => setEditing(true)} aria-label={t('notes.editLabel', { date: formatShortDateTime(note.writtenAt) })}>
              {t('notes.edit')}
            </Button>
          </div>
        )}
      </Stack>
    </Box>
  );
}

/** Notes the reader may read (the API leaves out others' private notes), newest first; write one. */
export function NotesSection({ accompanimentId, canWork }: { accompanimentId: string; canWork: boolean }) {
  const { t } = useTranslation('accompaniments');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState(false);
  const [saved, setSaved] = useState(false);
  const notes = useQuery({
    queryKey: accompanimentKeys.notes(accompanimentId, page),
    queryFn: () => fetchNotes(accompanimentId, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const mutation = useMutation({
    mutationFn: (input: TNoteInput) => addNote(accompanimentId, input),
    onSuccess: () => {
      setWriting(false);
      setSaved(true);
      setPage(1);
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.notesAll(accompanimentId) });
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('notes.visibleHint')}
      </Text>
      {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('notes.saved')}</SuccessAlert>}
      {canWork &&
        (writing ? (
          <Paper withBorder p="md" bg="gray.0">
            <NoteForm
              formId="new-note"
              title={t('notes.newTitle')}
              initial={{ confidentiality: 'team', body: '' }}
              submitLabel={t('notes.submit')}
              pending={mutation.isPending}
              error={mutation.error}
              onSubmit={(input) => mutation.mutate(input)}
              onCancel={() => setWriting(false)}
            />
          </Paper>
        ) : (
          <div>
            <Button
              variant="outline"
              onClick={() => {
                setSaved(false);
                mutation.reset();
                setWriting(true);
              }}
            >
              {t('notes.write')}
            </Button>
          </div>
        ))}
      {notes.isPending && <LoadingState />}
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data &&
        (notes.data.total === 0 ? (
          <Text>{t('notes.empty')}</Text>
        ) : (
          <>
            <ul style={listStyle} aria-label={t('notes.listLabel')}>
              {notes.data.items.map((note) => (
                <NoteItem key={`${note.id}-${note.version}`} accompanimentId={accompanimentId} note={note} canWork={canWork} />
              ))}
            </ul>
            <TablePagination page={notes.data.page} pageSize={notes.data.pageSize} total={notes.data.total} onChange={setPage} />
          </>
        ))}
    </Stack>
  );
}
