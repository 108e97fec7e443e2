import { useTranslation } from 'react-i18next';

interface HoneypotFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/**
 * A field people never see nor reach (off screen, hidden from assistive technologies, out of the
 * tab order, no autofill) but robots fill: the server then stores nothing.
 */
export function HoneypotField({ value, onChange }: HoneypotFieldProps) {
  const { t } = useTranslation('publicRequest');
  return (
    <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
      <label htmlFor="public-request-website">{t('form.website')}</label>
      <input
        id="public-request-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}
