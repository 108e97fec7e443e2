import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import type { TDuplicate } from './persons-api';

interface DuplicatesPanelProps {
  duplicates: readonly TDuplicate[];
  creating: boolean;
  onCreateAnyway: () => void;
}

/** The look-alikes the server found: open one to check, or confirm it is someone else. */
export function DuplicatesPanel({ duplicates, creating, onCreateAnyway }: DuplicatesPanelProps) {
  const { t } = useTranslation('persons');
  return (
    <Alert color="orange" title={t('create.duplicatesTitle')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('create.duplicatesText')}</Text>
        {duplicates.length > 0 && (
          <List size="sm" spacing={4} aria-label={t('create.duplicatesCaption')}>
            {duplicates.map((duplicate) => (
              <List.Item key={duplicate.id}>
                <Anchor
                  component={Link}
                  to={paths.person(duplicate.id)}
                  target="_blank"
                  rel="noopener"
                  fw={600}
                >
                  {t('create.open', { name: duplicate.displayName })}
                </Anchor>{' '}
                — {[duplicate.birthYear, `${duplicate.communeName} (${duplicate.departement})`].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
        )}
        <div>
          <Button color="orange" variant="outline" onClick={onCreateAnyway} loading={creating}>
            {t('create.createAnyway')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
