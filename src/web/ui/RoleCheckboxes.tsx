import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZRole, type TRole } from '../../shared/roles';

interface RoleCheckboxesProps {
  label: string;
  description?: string;
  value?: TRole[];
  onChange: (roles: TRole[]) => void;
  error?: React.ReactNode;
  disabled?: boolean;
  required?: boolean;
}

/** Every role of the contract, in its order, as a labelled group (fieldset + legend). */
export function RoleCheckboxes(props: RoleCheckboxesProps) {
  const { label, description, value = [], onChange, error, disabled, required } = props;
  const { t } = useTranslation();
  const handleChange = (next: string[]) => onChange(next.flatMap((role) => ZRole.safeParse(role).data ?? []));
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={handleChange}
      error={error}
      withAsterisk={required}
      data-field="roles"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {ZRole.options.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} disabled={disabled} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
