import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'contenu';

/** Moves focus itself: the router would otherwise treat `#contenu` as a navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(MAIN_ID);
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t('skipLink')}
    </a>
  );
}
