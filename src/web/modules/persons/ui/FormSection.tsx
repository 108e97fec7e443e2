import { Fieldset } from '@mantine/core';
import type { ReactNode } from 'react';
import './forms.css';

/** A part of a long form: a fieldset whose legend looks like the part's heading. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="unstyled" classNames={{ legend: 'form-section-legend' }}>
      {children}
    </Fieldset>
  );
}
