import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api-error';
import { otherMessagesFrom } from './form-errors';

interface ErrorAlertProps {
  error: unknown;
  /** Fields shown by the form: their messages already sit under the inputs. */
  fields?: readonly string[];
  onRetry?: () => void;
  retryLabel?: string;
}

/** The server's problem title (already in the person's language), or a plain fallback. */
export function ErrorAlert({ error, fields = [], onRetry, retryLabel }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const title = isApiError(error) ? error.title : t('errors.unexpected');
  const others = otherMessagesFrom(error, fields);
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs">
        {others.length > 0 && (
          <>
            <Text size="sm">{t('errors.details')}</Text>
            <List size="sm">
              {others.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </>
        )}
        {onRetry && (
          <div>
            <Button variant="outline" color="red" size="xs" onClick={onRetry}>
              {retryLabel ?? t('actions.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
