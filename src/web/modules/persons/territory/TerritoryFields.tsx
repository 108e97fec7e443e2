import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { COMMUNE_EXAMPLES, DEPARTEMENTS, departementOf } from './departements';

interface TerritoryFieldsProps {
  /** Prefix of the inputs' ids, so an error summary can link to them. */
  idPrefix: string;
  departement: GetInputPropsReturnType;
  communeName: GetInputPropsReturnType;
  communeInsee: GetInputPropsReturnType;
  disabled?: boolean;
}

/**
 * Département first (ARS reports are cut by it), then the commune by name and INSEE code. The
 * hints follow the chosen département, because people confuse the INSEE code with the postcode.
 */
export function TerritoryFields({ idPrefix, departement, communeName, communeInsee, disabled }: TerritoryFieldsProps) {
  const { t } = useTranslation('persons');
  const chosen = departementOf(typeof departement.value === 'string' ? departement.value : '');
  const example = COMMUNE_EXAMPLES[chosen ?? '13'];
  return (
    <Stack gap="md">
      <NativeSelect
        id={`${idPrefix}-departement`}
        label={t('territory.departement')}
        required
        disabled={disabled}
        data={[
          { value: '', label: t('territory.pickDepartement') },
          ...DEPARTEMENTS.map((code) => ({ value: code, label: `${code} — ${t(`departements.${code}`)}` })),
        ]}
        {...departement}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id={`${idPrefix}-communeName`}
          label={t('territory.communeName')}
          description={t('territory.communeNameHint', { example: example.name })}
          required
          disabled={disabled}
          autoComplete="address-level2"
          maxLength={100}
          {...communeName}
        />
        <TextInput
          id={`${idPrefix}-communeInsee`}
          label={t('territory.communeInsee')}
          description={
            chosen
              ? t('territory.communeInseeHint', { code: example.code, example: example.name })
              : t('territory.communeInseeHintNoDepartement')
          }
          required
          disabled={disabled}
          autoComplete="off"
          maxLength={5}
          inputMode="text"
          styles={{ input: { maxWidth: '10rem' } }}
          {...communeInsee}
        />
      </SimpleGrid>
    </Stack>
  );
}
