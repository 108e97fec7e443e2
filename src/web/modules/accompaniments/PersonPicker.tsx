import { Button, Group, Input, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fetchPersons, personKeys, type TPersonListQuery } from '../persons/persons-api';

export type TPickedPerson = { id: string; displayName: string };

interface PersonPickerProps {
  /** Given to the search box (or the "change" button once chosen), so a failed submit can move focus there. */
  id: string;
  label: string;
  value: TPickedPerson | null;
  onChange: (person: TPickedPerson | null) => void;
  error?: React.ReactNode;
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/**
 * Finds a person by name (accent-insensitive search of the persons API) and keeps the one chosen.
 * Each result is a button: arrowing through a list must not choose anyone by accident.
 */
export function PersonPicker({ id, label, value, onChange, error }: PersonPickerProps) {
  const { t } = useTranslation('accompaniments');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 350);
  const resultsId = useId();
  const changeButton = useRef<HTMLButtonElement>(null);
  const justPicked = useRef(false);
  const query: TPersonListQuery = { page: 1, pageSize: 8, search: debounced };
  const results = useQuery({
    queryKey: personKeys.list(query),
    queryFn: ({ signal }) => fetchPersons(query, signal),
    enabled: value === null && debounced.length >= 2,
  });

  useEffect(() => {
    // The chosen result disappears with the list: keyboard focus goes to what replaced it.
    if (value && justPicked.current) changeButton.current?.focus();
    justPicked.current = false;
  }, [value]);

  if (value) {
    return (
      <Input.Wrapper label={label} withAsterisk error={error}>
        <Group gap="sm" mt={4}>
          <Text fw={700} className="break-anywhere">
            {value.displayName}
          </Text>
          <Button ref={changeButton} id={id} variant="default" size="xs" onClick={() => onChange(null)}>
            {t('personPicker.change')}
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }
  return (
    <Stack gap="xs">
      <TextInput
        id={id}
        label={label}
        description={t('personPicker.hint')}
        withAsterisk
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        error={error}
        aria-controls={resultsId}
        autoComplete="off"
      />
      <div id={resultsId}>
        {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
        {results.data &&
          (results.data.items.length === 0 ? (
            <Text size="sm" role="status">
              {t('personPicker.none')}
            </Text>
          ) : (
            <Paper withBorder p="sm">
              <Text size="sm" fw={600} role="status" id={`${resultsId}-count`}>
                {t('personPicker.results', { count: results.data.total })}
              </Text>
              <ul style={listStyle} aria-labelledby={`${resultsId}-count`}>
                {results.data.items.map((person) => (
                  <li key={person.id}>
                    <Button
                      variant="subtle"
                      fullWidth
                      justify="flex-start"
                      // The theme centres button labels; a list of names reads from the left.
                      styles={{ root: { justifyContent: 'flex-start' }, label: { textAlign: 'start' } }}
                      mt={6}
                      h="auto"
                      py={6}
                      onClick={() => {
                        justPicked.current = true;
                        onChange({ id: person.id, displayName: person.displayName });
                      }}
                    >
                      <Stack gap={0} align="flex-start">
                        <Text span fw={700}>
                          {person.displayName}
                        </Text>
                        <Text span size="sm" c="dimmed">
                          {[person.birthYear ? t('personPicker.born', { year: person.birthYear }) : null, person.communeName].filter(Boolean).join(' · ')}
                        </Text>
                      </Stack>
                    </Button>
                  </li>
                ))}
              </ul>
            </Paper>
          ))}
      </div>
    </Stack>
  );
}
