import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { ZPublicRequestAnswer, ZPublicRequestInput } from '../../../shared/requests';
import { hit, rateLimitKey } from '../../platform/auth/rate-limit';
import { runInContext } from '../../platform/http/context';
import { notFound, tooManyRequests } from '../../platform/http/errors';
import { localeFromHeader } from '../../platform/http/messages';
import { organizations } from '../../platform/tenancy/schema';
import { submitPublicRequest, whatHappensNext } from './public-request';

/** Sends of the public form per IP address: generous for a family or a shared computer, not for a robot. */
export const PUBLIC_REQUESTS_PER_IP = { limit: 5, windowMs: 60 * 60 * 1000 };

/** The public form "Être accompagné·e par un pair": no account, one organisation chosen by its slug. */
export function registerPublicRequestRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/public/requests',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['public'],
        summary: 'Demander à être accompagné·e par un pair, sans compte',
        description: [
          'Formulaire public d’une organisation (`organizationSlug`). Les deux accords (être recontacté·e,',
          'enregistrement des informations) sont enregistrés comme consentements (méthode `portal_click`,',
          'version du texte). Limite : 5 envois par heure et par adresse IP (429 ensuite). Le même contenu',
          'renvoyé dans les 10 minutes ne crée pas de seconde demande : la réponse redonne la première',
          'référence. Le champ `website` est un piège à robots : rempli, la réponse a la même forme mais',
          'rien n’est enregistré. Un accusé de réception part par e-mail quand une adresse est donnée.',
        ].join(' '),
        body: ZPublicRequestInput,
        response: { 201: ZPublicRequestAnswer },
      },
    },
    async (request, reply) => {
      const { deps } = request.server;
      const now = deps.clock();
      const locale = localeFromHeader(request.headers['accept-language']);
      const limited = await hit(deps.database.db, rateLimitKey(deps.config.sessionSecret, 'ip-public-request', request.ip), PUBLIC_REQUESTS_PER_IP.limit, PUBLIC_REQUESTS_PER_IP.windowMs, now);
      if (!limited.allowed) throw tooManyRequests(limited.retryAfterSeconds);
      if (request.body.website) {
        // A robot filled the hidden field: it gets an ordinary-looking answer, so it learns nothing to adapt to.
        request.log.info('public request honeypot triggered');
        const reference = `DEM-${now.getUTCFullYear()}-${String(randomInt(1, 999_999)).padStart(6, '0')}`;
        return reply.status(201).send({ reference, whatHappensNext: whatHappensNext(locale), acknowledgementSent: false });
      }
      const [organization] = await deps.database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, request.body.organizationSlug));
      if (!organization) throw notFound();
      const result = await runInContext(
        { db: deps.database.db, actor: null, organizationId: organization.id, now, locale },
        (ctx) => submitPublicRequest(ctx, request.body, deps.config.sessionSecret),
      );
      return reply.status(201).send({
        reference: result.reference,
        whatHappensNext: whatHappensNext(locale),
        acknowledgementSent: result.acknowledgementSent,
      });
    },
  );
}
