import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale, type TLocale } from './i18n';
import { useChangeLocale } from './use-change-locale';

const LOCALES: readonly TLocale[] = ['fr', 'en'];

/** Two toggle buttons; each names its language in that language (`lang`), as people look for it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { change } = useChangeLocale();
  const active = currentLocale();
  return (
    <Button.Group aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="compact-sm"
          variant={locale === active ? 'filled' : 'default'}
          aria-pressed={locale === active}
          lang={locale}
          aria-label={t(`language.${locale}`)}
          onClick={() => void change(locale)}
        >
          {locale.toUpperCase()}
        </Button>
      ))}
    </Button.Group>
  );
}
