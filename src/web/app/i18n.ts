import i18next from 'i18next';
import type { z } from 'zod';
import { initReactI18next } from 'react-i18next';
import { ZAccountUpdateInput } from '../../shared/auth';
import { namespaces, resources, type TMessages } from '../locales';

export type TLocale = z.infer<typeof ZAccountUpdateInput>['locale'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: TMessages;
  }
}

const STORAGE_KEY = 'passerelle.locale';
const ZLocale = ZAccountUpdateInput.shape.locale;

/** The language chosen on this device, if the person ever chose one. */
export function storedLocale(): TLocale | null {
  try {
    const parsed = ZLocale.safeParse(window.localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    // Private browsing modes may refuse storage: French stays the default.
    return null;
  }
}

function storeLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not stored: the choice still applies until the tab is closed.
  }
}

export function currentLocale(): TLocale {
  const parsed = ZLocale.safeParse(i18next.resolvedLanguage ?? i18next.language);
  return parsed.success ? parsed.data : 'fr';
}

/** Applies a language everywhere: texts, `<html lang>`, API `Accept-Language`. */
export async function applyLocale(locale: TLocale, options: { remember: boolean }): Promise<void> {
  if (options.remember) storeLocale(locale);
  if (currentLocale() !== locale) await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  ns: namespaces,
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

document.documentElement.lang = currentLocale();

export { i18next };
