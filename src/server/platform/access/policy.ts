import type { Actor } from './actor';

/** Anything a rule can judge on a record: every business record carries its organisation. */
export type OwnedResource = { organizationId: string };

/**
 * Every action and the resource its rule judges (`undefined` for an action on no particular
 * record). Modules add their actions by augmenting this interface in their policy.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PolicyActions {}

export type Action = keyof PolicyActions;
/** Actions judged on the actor alone (no record): the ones a route can check before its handler. */
export type RecordlessAction = { [A in Action]: PolicyActions[A] extends undefined ? A : never }[Action];
type Rule<R> = (actor: Actor, resource: R) => boolean;
type RuleBook = { [A in Action]?: Rule<PolicyActions[A]> };

const rules: RuleBook = {};

/**
 * Declares who may perform an action; called once per action, in the module's policy.ts. The
 * organisation of a record is checked before the rule runs, so a rule never has to.
 */
export function allow<A extends Action>(action: A, rule: RuleBook[A]): void {
  if (rules[action]) throw new Error(`policy for "${String(action)}" declared twice`);
  rules[action] = rule;
}

/** Default deny: no actor, an action without a rule, or another organisation's record → false. */
export function can<A extends Action>(actor: Actor | null, action: A, resource: PolicyActions[A]): boolean {
  if (!actor) return false;
  const rule = rules[action];
  if (!rule) return false;
  const record: unknown = resource;
  if (isOwned(record) && record.organizationId !== actor.organizationId) return false;
  return rule(actor, resource);
}

/** `can` for an action on no particular record. */
export function canDo(actor: Actor | null, action: RecordlessAction): boolean {
  if (!actor) return false;
  const rule: Rule<undefined> | undefined = rules[action];
  return rule ? rule(actor, undefined) : false;
}

function isOwned(value: unknown): value is OwnedResource {
  return typeof value === 'object' && value !== null && 'organizationId' in value;
}

/** The actor's permissions on one record, sent with it so the web app shows only what is allowed. */
export function permissionsOn<A extends Action>(
  actor: Actor,
  resource: PolicyActions[A],
  actions: readonly A[],
): Record<string, boolean> {
  return Object.fromEntries(actions.map((action) => [action, can(actor, action, resource)]));
}

export function declaredActions(): string[] {
  return Object.keys(rules);
}
