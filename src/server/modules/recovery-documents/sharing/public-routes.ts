import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCodeInput, ZGoneProblem, ZPublicStatus, ZPublicTokenParams, ZSharedDocument } from '../../../../shared/recovery-sharing';
import { runInContext } from '../../../platform/http/context';
import { localeFromHeader } from '../../../platform/http/messages';
import { documentShares } from '../schema';
import { linkIsActive, openLink } from './public-link';
import { CODE_TRIES_PER_IP, limitPerIp, sendGone, sendWrongCode, STATUS_CHECKS_PER_IP } from './public-replies';
import { hashToken } from './secrets';
import { loadShareWithDocument } from './shared-content';

const PUBLIC = { access: { kind: 'public' } } as const;
const TAGS = ['public'];

/** The page behind an outside link: no account, the token in the URL and the code given by the person. */
export function registerPublicShareRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  /** The organisation of the share behind a token (the token alone says which), or null. */
  async function organizationOfToken(token: string): Promise<string | null> {
    const [row] = await deps.database.db
      .select({ organizationId: documentShares.organizationId })
      .from(documentShares)
      .where(eq(documentShares.linkTokenHash, hashToken(token)));
    return row?.organizationId ?? null;
  }

  typed.get(
    '/api/public/shared/:token',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: 'État d’un lien de partage : actif, ou 410 « Ce partage n’est plus actif » (retiré, expiré, déjà utilisé, bloqué)',
        params: ZPublicTokenParams,
        response: { 200: ZPublicStatus, 410: ZGoneProblem },
      },
    },
    async (request, reply) => {
      await limitPerIp(app, request, 'ip-share-status', STATUS_CHECKS_PER_IP);
      const organizationId = await organizationOfToken(request.params.token);
      if (!organizationId) return sendGone(request, reply, 'shareInactive');
      const active = await runInContext(
        { db: deps.database.db, actor: null, organizationId, now: deps.clock(), locale: localeFromHeader(request.headers['accept-language']) },
        async (ctx) => {
          const loaded = await loadShareWithDocument(ctx, eq(documentShares.linkTokenHash, hashToken(request.params.token)));
          return loaded !== null && (await linkIsActive(ctx, loaded));
        },
      );
      return active ? { status: 'active' as const } : sendGone(request, reply, 'shareInactive');
    },
  );

  typed.post(
    '/api/public/shared/:token/open',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: 'Ouvrir un lien de partage avec son code d’accès : les parties partagées, une seule fois (lecture tracée)',
        description: [
          'Code incorrect : 400 avec le nombre d’essais restants. Au 10e code incorrect le lien se bloque (410) et la personne est prévenue.',
          'Limite aussi par adresse IP (429).',
        ].join(' '),
        params: ZPublicTokenParams,
        body: ZCodeInput,
        // The 400 of a wrong code (ZWrongCodeProblem, with `remainingAttempts`) is not declared: schema
        // errors answer 400 too, with the platform's problem body.
        response: { 200: ZSharedDocument, 410: ZGoneProblem },
      },
    },
    async (request, reply) => {
      await limitPerIp(app, request, 'ip-share-open', CODE_TRIES_PER_IP);
      const organizationId = await organizationOfToken(request.params.token);
      if (!organizationId) return sendGone(request, reply, 'shareInactive');
      const opening = await runInContext(
        { db: deps.database.db, actor: null, organizationId, now: deps.clock(), locale: localeFromHeader(request.headers['accept-language']) },
        (ctx) => openLink(ctx, request.params.token, request.body.code),
      );
      if (opening.outcome === 'wrongCode') return sendWrongCode(request, reply, opening.remainingAttempts);
      if (opening.outcome === 'gone') return sendGone(request, reply, 'shareInactive');
      return opening.document;
    },
  );
}
