-- Each server process keeps the actors it resolved (session ⋈ user ⋈ roles) in memory and drops a
-- user's entries when this channel names them: a revoked session, a deactivated account or a
-- changed role is seen by every process at once (src/server/platform/auth/actor-cache.ts). A new
-- session needs no notice: no process can hold it yet.
CREATE OR REPLACE FUNCTION notify_actor_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: a record's fields are only read where the table and the operation have them.
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM pg_notify('passerelle_actor_change', OLD.id::text);
    ELSE
      PERFORM pg_notify('passerelle_actor_change', NEW.id::text);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('passerelle_actor_change', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('passerelle_actor_change', NEW.user_id::text);
    IF TG_OP = 'UPDATE' THEN
      IF OLD.user_id IS DISTINCT FROM NEW.user_id THEN
        PERFORM pg_notify('passerelle_actor_change', OLD.user_id::text);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_actor_change AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_actor_change();
--> statement-breakpoint
CREATE TRIGGER users_actor_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_actor_change();
--> statement-breakpoint
CREATE TRIGGER user_roles_actor_change AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION notify_actor_change();
