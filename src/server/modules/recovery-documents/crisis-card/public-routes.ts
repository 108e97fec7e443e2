import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCodeInput, ZCrisisContent, ZGoneProblem, ZPublicStatus, ZPublicTokenParams } from '../../../../shared/recovery-sharing';
import { runInContext } from '../../../platform/http/context';
import { localeFromHeader } from '../../../platform/http/messages';
import { crisisCards } from '../schema';
import { CODE_TRIES_PER_IP, limitPerIp, sendGone, sendWrongCode, STATUS_CHECKS_PER_IP } from '../sharing/public-replies';
import { hashToken } from '../sharing/secrets';
import { liveCard, openCard } from './public-card';

const PUBLIC = { access: { kind: 'public' } } as const;
const TAGS = ['public'];

/** The page behind the card's QR code: no account, the emergency code printed on the card. */
export function registerPublicCrisisRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  async function organizationOfToken(token: string): Promise<string | null> {
    const [row] = await deps.database.db.select({ organizationId: crisisCards.organizationId }).from(crisisCards).where(eq(crisisCards.tokenHash, hashToken(token)));
    return row?.organizationId ?? null;
  }

  const contextFor = (organizationId: string, acceptLanguage: string | undefined) => ({
    db: deps.database.db,
    actor: null,
    organizationId,
    now: deps.clock(),
    locale: localeFromHeader(acceptLanguage),
  });

  typed.get(
    '/api/public/crisis/:token',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: 'État d’une carte de crise : active, ou 410 (retirée, remplacée, bloquée)',
        params: ZPublicTokenParams,
        response: { 200: ZPublicStatus, 410: ZGoneProblem },
      },
    },
    async (request, reply) => {
      await limitPerIp(app, request, 'ip-crisis-status', STATUS_CHECKS_PER_IP);
      const organizationId = await organizationOfToken(request.params.token);
      if (!organizationId) return sendGone(request, reply, 'cardInactive');
      const live = await runInContext(contextFor(organizationId, request.headers['accept-language']), (ctx) => liveCard(ctx, request.params.token));
      return live ? { status: 'active' as const } : sendGone(request, reply, 'cardInactive');
    },
  );

  typed.post(
    '/api/public/crisis/:token/open',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: 'Ouvrir la carte de crise avec le code d’urgence : les parties choisies de la version active (ouverture tracée et notifiée)',
        description: [
          'Code incorrect : 400 avec `remainingAttempts`. Au 10e code incorrect la carte se bloque (410) et la personne est prévenue.',
          'Limite aussi par adresse IP (429). Chaque ouverture prévient la personne, ses pairs référents et les personnes de soutien nommées avec un e-mail.',
        ].join(' '),
        params: ZPublicTokenParams,
        body: ZCodeInput,
        response: { 200: ZCrisisContent, 410: ZGoneProblem },
      },
    },
    async (request, reply) => {
      await limitPerIp(app, request, 'ip-crisis-open', CODE_TRIES_PER_IP);
      const organizationId = await organizationOfToken(request.params.token);
      if (!organizationId) return sendGone(request, reply, 'cardInactive');
      const opening = await runInContext(contextFor(organizationId, request.headers['accept-language']), (ctx) => openCard(ctx, request.params.token, request.body.code));
      if (opening.outcome === 'wrongCode') return sendWrongCode(request, reply, opening.remainingAttempts);
      if (opening.outcome === 'gone') return sendGone(request, reply, 'cardInactive');
      return opening.content;
    },
  );
}
