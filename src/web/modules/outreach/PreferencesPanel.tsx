import { Alert, Badge, Blockquote, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRecontactPreferences } from '../../../shared/continuity';
import { formatDate } from '../../app/format';
import { NoContactIcon } from '../accompaniments/icons';

type TShownPreferences = Pick<TRecontactPreferences, 'allowedChannels' | 'preferredContactName' | 'wishes' | 'doNotContact' | 'recordedAt'>;

interface PreferencesPanelProps {
  preferences: TShownPreferences;
  /** Known in the outreach queue: whether a consent to be re-contacted is in force. */
  recontactConsent?: boolean;
}

/**
 * How the person wants (or does not want) to be re-contacted, shown before anything else: "ne pas
 * recontacter" as a red alert with an icon; otherwise the channels they allowed, who to go through,
 * and their wishes in their own words.
 */
export function PreferencesPanel({ preferences, recontactConsent }: PreferencesPanelProps) {
  const { t } = useTranslation('outreach');
  if (preferences.doNotContact) {
    return (
      <Alert color="red" variant="filled" icon={<NoContactIcon />} title={t('preferences.doNotContactTitle')}>
        {t('preferences.doNotContactText')}
        {preferences.wishes && <Text mt="xs" className="preserve-lines">{t('preferences.wishesQuoted', { wishes: preferences.wishes })}</Text>}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" style={{ borderColor: 'var(--mantine-color-passerelle-8)', borderWidth: 2 }}>
      <Stack gap="xs">
        {recontactConsent === false && (
          <Alert color="orange" icon={<NoContactIcon />} title={t('preferences.noConsentTitle')}>
            {t('preferences.noConsentText')}
          </Alert>
        )}
        <div>
          <Text size="sm" fw={700}>
            {t('preferences.allowedChannels')}
          </Text>
          {preferences.allowedChannels.length === 0 ? (
            <Text size="sm">{t('preferences.noChannel')}</Text>
          ) : (
            <Group gap={6} mt={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {preferences.allowedChannels.map((channel) => (
                <li key={channel}>
                  <Badge component="span" color="passerelle" tt="none">
                    {t(`channels.${channel}`)}
                  </Badge>
                </li>
              ))}
            </Group>
          )}
        </div>
        {preferences.preferredContactName && (
          <Text size="sm">
            <Text span fw={700}>
              {t('preferences.preferredContact')}
            </Text>{' '}
            <span className="break-anywhere">{preferences.preferredContactName}</span>
          </Text>
        )}
        {preferences.wishes && (
          <Blockquote p="xs" color="passerelle" cite={t('preferences.wishesCite')} className="preserve-lines">
            {preferences.wishes}
          </Blockquote>
        )}
        <Text size="xs" c="dimmed">
          {preferences.recordedAt ? t('preferences.recordedAt', { date: formatDate(preferences.recordedAt) }) : t('preferences.neverRecorded')}
        </Text>
      </Stack>
    </Paper>
  );
}
