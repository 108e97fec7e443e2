import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, EMPLOYMENT_STATUSES, HOUSING_SITUATIONS, ZStructureType } from '../../../shared/persons';
import type { PersonValues } from './person-form';
import { TerritoryFields } from './territory/TerritoryFields';
import { FormSection } from './ui/FormSection';

export const PERSON_FORM_ID = 'person';
export const personFieldId = (field: string) => `${PERSON_FORM_ID}-${field.replaceAll('.', '-')}`;

interface PersonFieldsProps {
  form: UseFormReturnType<PersonValues>;
  /** Peers who may be named referent: the current ones, plus those the user can list. */
  referentChoices: readonly { id: string; name: string }[];
}

function StructuresField({ form }: { form: UseFormReturnType<PersonValues> }) {
  const { t } = useTranslation('persons');
  return (
    <Stack gap="sm">
      {form.values.structures.map((structure, index) => (
        <Paper key={index} withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
          <Text component="legend" size="sm" fw={600} px={4}>
            {t('form.structureN', { n: index + 1 })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              id={personFieldId(`structures.${index}.type`)}
              label={t('form.structureType')}
              data={ZStructureType.options.map((type) => ({ value: type, label: t(`structureTypes.${type}`) }))}
              {...form.getInputProps(`structures.${index}.type`)}
            />
            <TextInput
              id={personFieldId(`structures.${index}.name`)}
              label={t('form.structureName')}
              required
              maxLength={160}
              {...form.getInputProps(`structures.${index}.name`)}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => form.removeListItem('structures', index)}
              aria-label={t('form.removeStructure', { name: structure.name || t('form.structureN', { n: index + 1 }) })}
            >
              {t('form.remove')}
            </Button>
          </Group>
        </Paper>
      ))}
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={form.values.structures.length >= 20}
          onClick={() => form.insertListItem('structures', { type: 'cmp', name: '' })}
        >
          {t('form.addStructure')}
        </Button>
      </div>
    </Stack>
  );
}

/** The fields of a person record, grouped as the record page shows them. */
export function PersonFields({ form, referentChoices }: PersonFieldsProps) {
  const { t } = useTranslation(['persons', 'common']);
  return (
    <Stack gap="lg">
      <FormSection legend={t('form.identity')}>
        <Stack gap="md">
          <Text size="sm">{t('form.nameHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput id={personFieldId('firstName')} label={t('form.firstName')} autoComplete="off" maxLength={80} {...form.getInputProps('firstName')} />
            <TextInput
              id={personFieldId('pseudonym')}
              label={t('form.pseudonym')}
              description={t('form.pseudonymHint')}
              autoComplete="off"
              maxLength={80}
              {...form.getInputProps('pseudonym')}
            />
            <TextInput id={personFieldId('lastName')} label={t('form.lastName')} autoComplete="off" maxLength={80} {...form.getInputProps('lastName')} />
            <TextInput
              id={personFieldId('birthYear')}
              label={t('form.birthYear')}
              description={t('form.birthYearHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              {...form.getInputProps('birthYear')}
            />
          </SimpleGrid>
        </Stack>
      </FormSection>

      <FormSection legend={t('form.contacts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput id={personFieldId('phone')} label={t('form.phone')} type="tel" autoComplete="off" maxLength={20} {...form.getInputProps('phone')} />
          <TextInput id={personFieldId('email')} label={t('form.email')} type="email" autoComplete="off" maxLength={254} {...form.getInputProps('email')} />
          <NativeSelect
            id={personFieldId('preferredChannel')}
            label={t('form.preferredChannel')}
            data={[
              { value: '', label: t('form.noPreference') },
              ...CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })),
            ]}
            {...form.getInputProps('preferredChannel')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection legend={t('territory.label')}>
        <TerritoryFields
          idPrefix={PERSON_FORM_ID}
          departement={form.getInputProps('departement')}
          communeName={form.getInputProps('communeName')}
          communeInsee={form.getInputProps('communeInsee')}
        />
      </FormSection>

      <FormSection legend={t('form.situation')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            id={personFieldId('housing')}
            label={t('form.housing')}
            data={HOUSING_SITUATIONS.map((housing) => ({ value: housing, label: t(`housing.${housing}`) }))}
            {...form.getInputProps('housing')}
          />
          <NativeSelect
            id={personFieldId('employment')}
            label={t('form.employment')}
            data={EMPLOYMENT_STATUSES.map((employment) => ({ value: employment, label: t(`employment.${employment}`) }))}
            {...form.getInputProps('employment')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection legend={t('form.structures')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('form.structuresHint')}
          </Text>
          <StructuresField form={form} />
        </Stack>
      </FormSection>

      {/* Without peers to offer (no team directory for this account), there is nothing to choose. */}
      {referentChoices.length > 0 && (
        <FormSection legend={t('form.referents')}>
          <Checkbox.Group description={t('form.referentsHint')} {...form.getInputProps('referentIds')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {referentChoices.map((peer, index) => (
                <Checkbox
                  key={peer.id}
                  id={index === 0 ? personFieldId('referentIds') : undefined}
                  value={peer.id}
                  label={peer.name}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </FormSection>
      )}
    </Stack>
  );
}
