import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page has its own title (RGAA 8.6): "Utilisateurs — Passerelle". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('appName');
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}
