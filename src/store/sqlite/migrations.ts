/**
 * The schema, as an ordered list of steps. PRAGMA user_version records how many have run; a step is
 * never edited once released: changes are new steps appended at the end. Steps run with foreign keys off, so a
 * table rebuilt the way SQLite documents it (create, copy, drop, rename) cascades nothing, and are checked with
 * foreign_key_check before they commit.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subscriptions (
    channel_id      TEXT PRIMARY KEY,
    guild_id        TEXT NOT NULL,
    channel_name    TEXT,
    time            TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    timezone        TEXT NOT NULL,
    party           TEXT,
    tag             TEXT,
    post_when_empty INTEGER NOT NULL DEFAULT 0 CHECK (post_when_empty IN (0, 1)),
    publish         INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1)),
    paused          INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    pause_reason    TEXT,
    created_by      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    active_from     TEXT NOT NULL
  );
  CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id);

  CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    guild_id     TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    local_date   TEXT NOT NULL,
    fire_at      TEXT NOT NULL,
    status       TEXT NOT NULL
                 CHECK (status IN ('pending', 'sent', 'nothing-new', 'missed', 'paused', 'failed')),
    reason       TEXT,
    briefing_ids TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  -- The once-a-day guarantee: a second scheduled row for the same channel and local day cannot exist.
  CREATE UNIQUE INDEX deliveries_one_per_day ON deliveries (channel_id, local_date) WHERE kind = 'scheduled';
  CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';
  CREATE INDEX deliveries_by_guild ON deliveries (guild_id, channel_id, id);

  -- One row per message of a digest: its own nonce, and the payload itself so a resend posts the same text.
  CREATE TABLE delivery_parts (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    part        INTEGER NOT NULL,
    nonce       TEXT NOT NULL UNIQUE CHECK (length(nonce) <= 25),
    payload     TEXT NOT NULL,
    message_id  TEXT,
    sent_at     TEXT,
    PRIMARY KEY (delivery_id, part)
  );

  -- What each channel has received: "new" means not in here.
  CREATE TABLE delivered_briefings (
    channel_id   TEXT NOT NULL,
    briefing_id  TEXT NOT NULL,
    delivery_id  INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, briefing_id)
  );
  `,
  // 2: rows that could not be confirmed (`unconfirmed`), and a failed send's retry state kept across restarts.
  `
  CREATE TABLE deliveries_next (
    id           INTEGER PRIMARY KEY,
    guild_id     TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    local_date   TEXT NOT NULL,
    fire_at      TEXT NOT NULL,
    status       TEXT NOT NULL
                 CHECK (status IN ('pending', 'sent', 'nothing-new', 'missed', 'paused', 'failed', 'unconfirmed')),
    reason       TEXT,
    briefing_ids TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    retry_at     TEXT,
    last_error   TEXT
  );
  INSERT INTO deliveries_next (id, guild_id, channel_id, kind, local_date, fire_at, status, reason, briefing_ids,
    created_at, updated_at)
  SELECT id, guild_id, channel_id, kind, local_date, fire_at, status, reason, briefing_ids, created_at, updated_at
  FROM deliveries;
  DROP TABLE deliveries;
  ALTER TABLE deliveries_next RENAME TO deliveries;
  CREATE UNIQUE INDEX deliveries_one_per_day ON deliveries (channel_id, local_date) WHERE kind = 'scheduled';
  CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';
  CREATE INDEX deliveries_by_guild ON deliveries (guild_id, channel_id, id);
  `,
  // 3: reasons are codes with their facts (JSON); a sentence written before keeps its words as a legacy code.
  `
  UPDATE deliveries SET reason = json_object('code', 'legacy', 'text', reason)
  WHERE reason IS NOT NULL AND NOT json_valid(reason);
  UPDATE subscriptions SET pause_reason = json_object('code', 'legacy', 'text', pause_reason)
  WHERE pause_reason IS NOT NULL AND NOT json_valid(pause_reason);
  `,
  // 4: a role a digest mentions when it carries briefings (about its party filter).
  `
  ALTER TABLE subscriptions ADD COLUMN mention_role_id TEXT;
  `,
  // 5: readers following parties, and their direct-message alerts: at most one per reader and local day.
  `
  CREATE TABLE follows (
    user_id    TEXT NOT NULL,
    party      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, party)
  );

  -- One row per reader who follows something: since when, and whether their alerts are paused (direct messages
  -- closed to the bot) and they have been told so.
  CREATE TABLE followers (
    user_id      TEXT PRIMARY KEY,
    active_from  TEXT NOT NULL,
    paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    pause_reason TEXT,
    paused_at    TEXT,
    told_at      TEXT
  );

  -- The once-a-day guarantee: a second alert for the same reader and local day cannot exist. Written (with its
  -- messages and their nonces) before sending.
  CREATE TABLE follow_alerts (
    id           INTEGER PRIMARY KEY,
    user_id      TEXT NOT NULL,
    local_date   TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'unconfirmed')),
    reason       TEXT,
    briefing_ids TEXT NOT NULL DEFAULT '[]',
    parts        TEXT NOT NULL DEFAULT '[]',
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  CREATE UNIQUE INDEX follow_alerts_one_per_day ON follow_alerts (user_id, local_date);
  CREATE INDEX follow_alerts_pending ON follow_alerts (status) WHERE status = 'pending';

  -- Briefings a reader will not be alerted to again: sent (or being sent), or already out when they followed.
  CREATE TABLE follow_seen (
    user_id     TEXT NOT NULL,
    briefing_id TEXT NOT NULL,
    alert_id    INTEGER REFERENCES follow_alerts (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, briefing_id)
  );
  CREATE INDEX follow_seen_by_alert ON follow_seen (alert_id);
  `,
  // 6: which instance is sending a pending digest or alert, and until when its hold lasts unless renewed.
  `
  ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
  ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
  ALTER TABLE follow_alerts ADD COLUMN claimed_by TEXT;
  ALTER TABLE follow_alerts ADD COLUMN claimed_until TEXT;
  `,
  // 7: whether the channel takes digests as posts (forum or media), as seen when it was subscribed; null: not known.
  `
  ALTER TABLE subscriptions ADD COLUMN posts_as_threads INTEGER CHECK (posts_as_threads IN (0, 1));
  `,
];
