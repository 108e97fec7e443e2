import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Code → label. Codes hold dots ("auth.login.succeeded"), so the dictionaries are read whole, not key by key. */
type Labels = Readonly<Record<string, string>>;

function labelOf(labels: Labels, code: string): string {
  return (Object.hasOwn(labels, code) ? labels[code] : undefined) ?? code;
}

/** Lower case, without accents: "echec" finds « Échec de connexion ». */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Matches the label or the code itself, so an auditor can also type or paste "auth.login". */
export const filterActions: OptionsFilter = ({ options, search }) => {
  const needle = fold(search.trim());
  const matches = (item: ComboboxItem) => fold(item.label).includes(needle) || item.value.toLowerCase().includes(needle);
  return options.flatMap((option): ComboboxParsedItem[] => {
    if (!isOptionsGroup(option)) return matches(option) ? [option] : [];
    const items = option.items.filter(matches);
    return items.length > 0 ? [{ ...option, items }] : [];
  });
};

/** Readable labels for audit codes, in the current language; an unknown code stays as it is. */
export function useAuditLabels() {
  const { t } = useTranslation('admin');
  const actions: Labels = t('audit.actions', { returnObjects: true });
  const groups: Labels = t('audit.actionGroups', { returnObjects: true });
  const resourceTypes: Labels = t('audit.resourceTypes', { returnObjects: true });

  /**
   * The known actions grouped by domain, for the filter. `current` (from the URL) is kept as an
   * option even when unknown, so the select still shows what is being filtered.
   */
  const actionOptions = (current: string) => {
    const byGroup = new Map<string, ComboboxItem[]>(Object.keys(groups).map((prefix) => [prefix, []]));
    for (const [value, label] of Object.entries(actions)) {
      const prefix = value.split('.')[0] ?? value;
      const items = byGroup.get(prefix) ?? [];
      items.push({ value, label });
      byGroup.set(prefix, items);
    }
    const grouped = [...byGroup]
      .filter(([, items]) => items.length > 0)
      .map(([prefix, items]) => ({ group: labelOf(groups, prefix), items }));
    return current && !Object.hasOwn(actions, current) ? [{ value: current, label: current }, ...grouped] : grouped;
  };

  return {
    actionLabel: (code: string) => labelOf(actions, code),
    resourceTypeLabel: (type: string) => labelOf(resourceTypes, type),
    actionOptions,
  };
}
