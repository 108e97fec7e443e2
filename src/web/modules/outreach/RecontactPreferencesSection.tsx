import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { RecordSection } from '../persons/ui/RecordSection';
import { fetchPreferences, outreachKeys } from './outreach-api';
import { PreferencesPanel } from './PreferencesPanel';
import { RecontactPreferencesForm } from './RecontactPreferencesForm';

interface RecontactPreferencesSectionProps {
  personId: string;
  /** For links to the section (`#souhaits-de-recontact`). */
  id?: string;
}

/**
 * "Si le contact se perd": the person's re-contact wishes, on their record and on their
 * accompaniment. Readers the server refuses (a peer who is not their referent) see nothing here.
 */
export function RecontactPreferencesSection({ personId, id }: RecontactPreferencesSectionProps) {
  const { t } = useTranslation('outreach');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const preferences = useQuery({ queryKey: outreachKeys.preferences(personId), queryFn: () => fetchPreferences(personId) });
  if (isApiError(preferences.error) && (preferences.error.status === 404 || preferences.error.status === 403)) return null;
  const data = preferences.data;
  return (
    <RecordSection
      title={t('preferences.title')}
      id={id}
      actions={
        data && !editing ? (
          <Button
            variant="outline"
            size="sm"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {data.version === 0 ? t('preferences.record') : t('preferences.edit')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('preferences.intro')}
        </Text>
        {saved && <SuccessAlert onClose={() => setSaved(false)}>{t('preferences.saved')}</SuccessAlert>}
        {preferences.isPending && <LoadingState />}
        {preferences.isError && <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />}
        {data &&
          (editing ? (
            <RecontactPreferencesForm
              key={data.version}
              personId={personId}
              preferences={data}
              onCancel={() => setEditing(false)}
              onReload={() => void preferences.refetch()}
              onDone={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <PreferencesPanel preferences={data} />
          ))}
      </Stack>
    </RecordSection>
  );
}
