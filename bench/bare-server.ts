/**
 * The baseline of `npm run bench -- http`: bare Fastify + pg, one route running the same SELECT
 * as Passerelle's user detail (the user and their roles), no session, no policy, no audit.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
  const result = await pool.query(
    `select u.id, u.name, u.email, u.active, u.two_factor_enabled, u.created_at, u.version,
            coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
       from users u left join user_roles r on r.user_id = u.id
      where u.id = $1
      group by u.id`,
    [request.params.id],
  );
  if (result.rowCount === 0) return reply.status(404).send({ status: 404 });
  return result.rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
