import { and, asc, eq, sql } from 'drizzle-orm';
import type { TGoal, TGoalInput, TGoalUpdateInput } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, notFound } from '../../platform/http/errors';
import { ensureOpen, type AccompanimentRow } from './records';
import { accompanimentGoals } from './schema';

type GoalRow = typeof accompanimentGoals.$inferSelect;

export function presentGoal(goal: GoalRow): TGoal {
  return {
    id: goal.id,
    wording: goal.wording,
    status: goal.status,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    version: goal.version,
  };
}

/** The person's goals, oldest first (the order they were said in). */
export async function goalsOf(ctx: ServiceContext, accompanimentId: string): Promise<TGoal[]> {
  const rows = await ctx.tx
    .select()
    .from(accompanimentGoals)
    .where(and(eq(accompanimentGoals.accompanimentId, accompanimentId), eq(accompanimentGoals.organizationId, ctx.organizationId)))
    .orderBy(asc(accompanimentGoals.createdAt), asc(accompanimentGoals.id));
  return rows.map(presentGoal);
}

/** Adds a goal in the person's own words. The audit keeps ids only, never the wording. */
export async function addGoal(ctx: ServiceContext, accompaniment: AccompanimentRow, input: TGoalInput): Promise<TGoal> {
  ensureOpen(ctx, accompaniment);
  const [row] = await ctx.tx
    .insert(accompanimentGoals)
    .values({ organizationId: ctx.organizationId, accompanimentId: accompaniment.id, wording: input.wording, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  if (!row) throw new Error('goal insert returned nothing');
  await ctx.audit({ action: 'accompaniment.goal.added', resourceType: 'accompaniment', resourceId: accompaniment.id, context: { goalId: row.id } });
  return presentGoal(row);
}

/** Re-words a goal or marks it reached / let go, if nobody changed it since `version` was read (else 409). */
export async function updateGoal(ctx: ServiceContext, accompaniment: AccompanimentRow, goalId: string, input: TGoalUpdateInput): Promise<TGoal> {
  ensureOpen(ctx, accompaniment);
  const [goal] = await ctx.tx
    .select()
    .from(accompanimentGoals)
    .where(and(eq(accompanimentGoals.id, goalId), eq(accompanimentGoals.accompanimentId, accompaniment.id), eq(accompanimentGoals.organizationId, ctx.organizationId)))
    .for('update');
  if (!goal) throw notFound();
  if (goal.version !== input.version) throw conflict();
  const wording = input.wording ?? goal.wording;
  const status = input.status ?? goal.status;
  if (wording === goal.wording && status === goal.status) return presentGoal(goal);
  const [updated] = await ctx.tx
    .update(accompanimentGoals)
    .set({ wording, status, version: sql`${accompanimentGoals.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(accompanimentGoals.id, goal.id), eq(accompanimentGoals.version, input.version)))
    .returning();
  if (!updated) throw conflict();
  await ctx.audit({
    action: 'accompaniment.goal.updated',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { goalId: goal.id, reworded: wording !== goal.wording, from: goal.status, to: status, version: updated.version },
  });
  return presentGoal(updated);
}
