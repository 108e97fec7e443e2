import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZAccountUpdateInput } from '../../../shared/auth';
import { currentLocale } from '../../app/i18n';
import { useChangeLocale } from '../../app/use-change-locale';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { Section } from './Section';

export function LanguagePreference() {
  const { t } = useTranslation(['account', 'common']);
  const { change, saved, error } = useChangeLocale();
  return (
    <Section title={t('language.title')}>
      <NativeSelect
        label={t('language.label')}
        value={currentLocale()}
        data={[
          { value: 'fr', label: t('common:language.fr') },
          { value: 'en', label: t('common:language.en') },
        ]}
        onChange={(event) => {
          const parsed = ZAccountUpdateInput.shape.locale.safeParse(event.currentTarget.value);
          if (parsed.success) void change(parsed.data);
        }}
      />
      {saved && <SuccessAlert>{t('language.saved')}</SuccessAlert>}
      <ErrorAlert error={error} />
    </Section>
  );
}
