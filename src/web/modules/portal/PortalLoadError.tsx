import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-error';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** A 404 on the person's own space means their account is not linked to a record yet: said plainly. */
export function PortalLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('portal');
  if (isApiError(error) && error.status === 404) return <EmptyMessage title={t('home.notLinkedTitle')} hint={t('home.notLinkedHint')} />;
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
