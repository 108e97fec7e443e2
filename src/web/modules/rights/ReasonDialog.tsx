import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';

const MIN_REASON = 5;

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  reasonLabel: string;
  reasonHint: string;
  reasonRequired: boolean;
  /** An irreversible step asks the person to tick that they understand it. */
  acknowledgement?: string;
  confirmLabel: string;
  danger?: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
}

/** A confirmation that asks why: the reason is kept with the decision (never names, DOMAIN §9). */
export function ReasonDialog(props: ReasonDialogProps) {
  const { opened, title, children, reasonLabel, reasonHint, reasonRequired, acknowledgement, confirmLabel, danger = false, loading, error, onConfirm, onCancel } = props;
  const { t } = useTranslation(['rights', 'common']);
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [problems, setProblems] = useState<{ reason?: string; acknowledged?: string }>({});
  const serverReason = fieldErrorsFrom(error, ['reason']).reason;
  const close = () => {
    setReason('');
    setAcknowledged(false);
    setProblems({});
    onCancel();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const next = {
      reason:
        reasonRequired && text === ''
          ? t('common:validation.required')
          : text !== '' && text.length < MIN_REASON
            ? t('common:validation.minLength', { count: MIN_REASON })
            : undefined,
      acknowledged: acknowledgement && !acknowledged ? t('dialog.acknowledgeRequired') : undefined,
    };
    setProblems(next);
    if (next.reason) {
      document.getElementById('reason-dialog-reason')?.focus();
      return;
    }
    if (next.acknowledged) {
      document.getElementById('reason-dialog-ack')?.focus();
      return;
    }
    onConfirm(text === '' ? undefined : text);
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      attributes={{ header: { role: 'none' } }}
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {typeof children === 'string' ? <Text>{children}</Text> : children}
          <ErrorAlert error={error} fields={['reason']} />
          <Textarea
            id="reason-dialog-reason"
            label={reasonLabel}
            description={reasonHint}
            required={reasonRequired}
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problems.reason ?? serverReason}
            data-autofocus
          />
          {acknowledgement && (
            <Checkbox
              id="reason-dialog-ack"
              size="md"
              label={acknowledgement}
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.currentTarget.checked)}
              error={problems.acknowledged}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
