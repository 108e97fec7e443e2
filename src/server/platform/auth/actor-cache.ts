import type { DatabaseHandle } from '../../db/client';
import type { ActorRow } from './actor-resolution';

/** The channel migration 0008's triggers notify with a user id when a session, account or role changes. */
export const ACTOR_CHANGE_CHANNEL = 'passerelle_actor_change';

/** A safety net only: every change is announced; an entry older than this is read again anyway. */
const ENTRY_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Statements that may revoke what a cached actor says (a session ended or slid, an account changed,
 * a role granted or withdrawn). Seen before they run, in this process, so the cache is emptied
 * before the change commits; the notification then covers the other processes. A new session
 * (insert into sessions) is not one: nobody can hold it yet.
 */
export const IDENTITY_WRITE = /^\s*(?:update\s+"?(?:sessions|users|user_roles)"?[\s(]|delete\s+from\s+"?(?:sessions|users|user_roles)"?[\s(]|insert\s+into\s+"?user_roles"?[\s(])/i;

type Entry<Row> = { row: Row; storedAt: number };

/**
 * Actors resolved from session tokens, kept in memory so that most requests do not read the
 * session, the account and the roles again. Correctness rests on invalidation, not on the TTL:
 * a user's entries are dropped when the database announces a change for them, everything is
 * dropped when this process writes to those tables, and nothing is served or stored while the
 * listening connection is down. A read that raced with a change is not stored: `mark()` taken
 * before the read must still be current when `store` is called.
 */
export class ActorCache<Row extends { userId: string }> {
  private readonly entries = new Map<string, Entry<Row>>();
  private readonly tokensByUser = new Map<string, Set<string>>();
  private generation = 0;
  private listening = false;

  constructor(
    private readonly ttlMs = ENTRY_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get(token: string, now: number): Row | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.ttlMs) {
      this.remove(token, entry.row.userId);
      return undefined;
    }
    return entry.row;
  }

  /** The state to hand back to `store`: any invalidation in between voids the store. */
  mark(): number {
    return this.generation;
  }

  store(token: string, row: Row, mark: number, now: number): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.entries().next().value;
      if (oldest) this.remove(oldest[0], oldest[1].row.userId);
    }
    this.entries.set(token, { row, storedAt: now });
    const tokens = this.tokensByUser.get(row.userId) ?? new Set<string>();
    tokens.add(token);
    this.tokensByUser.set(row.userId, tokens);
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const token of this.tokensByUser.get(userId) ?? []) this.entries.delete(token);
    this.tokensByUser.delete(userId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.tokensByUser.clear();
  }

  setListening(listening: boolean): void {
    this.clear();
    this.listening = listening;
  }

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(token: string, userId: string): void {
    this.entries.delete(token);
    const tokens = this.tokensByUser.get(userId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.tokensByUser.delete(userId);
  }
}

const caches = new WeakMap<DatabaseHandle, ActorCache<ActorRow>>();

/**
 * The cache of one database handle, created at first use: it watches this process's statements at
 * once and serves entries once LISTEN is in place (until then every request reads the database).
 */
export function actorCacheOf(database: DatabaseHandle): ActorCache<ActorRow> {
  let cache = caches.get(database);
  if (!cache) {
    const created = new ActorCache<ActorRow>();
    cache = created;
    caches.set(database, created);
    database.watchStatements((statement) => {
      if (IDENTITY_WRITE.test(statement)) created.clear();
    });
    void database
      .listen(ACTOR_CHANGE_CHANNEL, {
        onMessage: (userId) => created.forgetUser(userId),
        onListening: () => created.setListening(true),
        onLost: () => created.setListening(false),
      })
      .catch(() => created.setListening(false));
  }
  return cache;
}
