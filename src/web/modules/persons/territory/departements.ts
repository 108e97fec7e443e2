import { DEPARTEMENTS, ZDepartement, type TDepartement } from '../../../../shared/persons';

/** The main town of each département, to show what an INSEE code looks like (never a postcode). */
export const COMMUNE_EXAMPLES: Record<TDepartement, { code: string; name: string }> = {
  '04': { code: '04070', name: 'Digne-les-Bains' },
  '05': { code: '05061', name: 'Gap' },
  '06': { code: '06088', name: 'Nice' },
  '13': { code: '13055', name: 'Marseille' },
  '83': { code: '83137', name: 'Toulon' },
  '84': { code: '84007', name: 'Avignon' },
};

export { DEPARTEMENTS };

/** A département code from a form value, or undefined when none is chosen yet. */
export function departementOf(value: string): TDepartement | undefined {
  return ZDepartement.safeParse(value).data;
}
