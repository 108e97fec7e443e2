import type { MantineColor } from '@mantine/core';
import type { z } from 'zod';
import type { ZOutboxMessage } from '../../../../shared/admin';

export type TOutboxMessage = z.output<typeof ZOutboxMessage>;

export const OUTBOX_STATUS_COLORS: Record<TOutboxMessage['status'], MantineColor> = {
  pending: 'orange',
  sending: 'passerelle',
  sent: 'green',
  failed: 'red',
};
