import { Alert, Checkbox, Loader, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCOMPANIMENT_FIELD_MESSAGES } from '../../../shared/accompaniments';
import { currentLocale } from '../../app/i18n';
import type { TPeerChoice } from './peer-choices';

export const MAX_PEERS = 2;

/** The binôme rule, checked here so the form says it before the server does. */
export function peerSelectionError(peerIds: readonly string[], choices: readonly TPeerChoice[], required: string): string | null {
  if (peerIds.length === 0) return required;
  const chosen = peerIds.map((id) => choices.find((choice) => choice.id === id));
  if (chosen.every((choice) => choice?.asVolunteer === true)) return ACCOMPANIMENT_FIELD_MESSAGES[currentLocale()].volunteerAlone;
  return null;
}

interface PeerPickerProps {
  id: string;
  choices: readonly TPeerChoice[];
  loading: boolean;
  value: string[];
  onChange: (peerIds: string[]) => void;
  error?: React.ReactNode;
}

/** One or two peers as a labelled group of check boxes; a third cannot be ticked. */
export function PeerPicker({ id, choices, loading, value, onChange, error }: PeerPickerProps) {
  const { t } = useTranslation('accompaniments');
  const volunteerChosen = value.some((peerId) => choices.find((choice) => choice.id === peerId)?.asVolunteer === true);
  return (
    <>
      <Checkbox.Group
        label={t('peers.pickLabel')}
        description={t('peers.pickHint')}
        value={value}
        onChange={onChange}
        error={error}
        withAsterisk
        data-field="peerIds"
      >
        {loading && <Loader size="xs" aria-label={t('peers.loading')} mt="xs" />}
        {!loading && choices.length === 0 && (
          <Text size="sm" mt="xs">
            {t('peers.noChoice')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {choices.map((choice, index) => (
            <Checkbox
              key={choice.id}
              id={index === 0 ? id : undefined}
              value={choice.id}
              size="md"
              label={choice.asVolunteer ? t('peers.volunteerName', { name: choice.name }) : choice.name}
              disabled={!value.includes(choice.id) && value.length >= MAX_PEERS}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {volunteerChosen && (
        <Alert color="passerelle" title={t('peers.binomeTitle')}>
          {t('peers.binomeText')}
        </Alert>
      )}
    </>
  );
}
