import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZUserDetail, ZUserListQuery, ZUserPage, ZUserUpdateInput } from '../../../../shared/admin';
import { can } from '../../access/policy';
import type { Actor } from '../../access/actor';
import { withActorContext, withActorRead } from '../../http/context';
import { AppError, forbidden, notFound } from '../../http/errors';
import { actorOf } from '../../tenancy/scope';
import { listUsers, loadUser, presentUser, readUserAudited, type LoadedUser } from './queries';
import { updateUser, type UserChange } from './update';

const ZUserParams = z.object({ id: z.uuid() });
const access = { access: { kind: 'action', action: 'users.manage' } } as const;

function presentDetail(actor: Actor, user: LoadedUser) {
  return {
    ...presentUser(user),
    policies: { update: can(actor, 'user.update', user), deactivate: can(actor, 'user.deactivate', user) },
  };
}

/** Refusals on a record of one's own organisation are 403; `loadUser` already answered 404 for others. */
function authorizeChange(actor: Actor, user: LoadedUser, change: UserChange): void {
  if (!can(actor, 'user.update', user)) throw user.organizationId === actor.organizationId ? forbidden() : notFound();
  if (change.active !== undefined && change.active !== user.active && !can(actor, 'user.deactivate', user)) {
    throw new AppError(403, user.id === actor.userId ? 'cannotDeactivateSelf' : 'forbidden');
  }
}

/** Users and roles of the administrator's organisation. */
export function registerUserRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/admin/users',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Lister les utilisateurs de l’organisation (recherche, rôle, actif)',
        querystring: ZUserListQuery,
        response: { 200: ZUserPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listUsers(ctx, request.query);
        return { items: items.map(presentUser), total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/admin/users/:id',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Consulter un utilisateur et ce que l’on peut faire sur son compte',
        params: ZUserParams,
        response: { 200: ZUserDetail },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        // A user record holds personal data: it is read together with its audit entry.
        const user = await readUserAudited(ctx, request.params.id);
        return presentDetail(actorOf(ctx), user);
      }),
  );

  typed.patch(
    '/api/admin/users/:id',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Modifier le nom, les rôles ou l’activation d’un utilisateur (version requise)',
        params: ZUserParams,
        body: ZUserUpdateInput,
        response: { 200: ZUserDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const actor = actorOf(ctx);
        const user = await loadUser(ctx, request.params.id);
        authorizeChange(actor, user, request.body);
        return presentDetail(actor, await updateUser(ctx, user, request.body));
      }),
  );
}
