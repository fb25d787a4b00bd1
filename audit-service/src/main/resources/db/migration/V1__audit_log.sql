-- The activity log: every event stored once (unique on source + id), in its RFC 8785
-- canonical form, linked into its project's SHA-256 hash chain.
CREATE TABLE audit_event (
    position                  BIGSERIAL    PRIMARY KEY,   -- ingest order; commits in this order (one writer at a time)
    source                    TEXT         NOT NULL,
    event_id                  TEXT         NOT NULL,
    type                      TEXT         NOT NULL,
    event_time                TIMESTAMPTZ  NOT NULL,
    ingested_at               TIMESTAMPTZ  NOT NULL,
    project_id                TEXT         NOT NULL,      -- the partition key; '-' for events of no project
    subject                   TEXT,
    sequence                  BIGINT,
    initiator_user_id         TEXT,
    initiator_project_id      TEXT,
    application_credential_id TEXT,
    source_address            TEXT,
    target_type               TEXT,
    target_id                 TEXT,
    outcome                   TEXT,
    chain_index               BIGINT       NOT NULL,
    chain_hash                TEXT         NOT NULL,      -- hex SHA-256(canonical || previous hash)
    canonical                 TEXT         NOT NULL,      -- the event, RFC 8785 canonical JSON
    CONSTRAINT audit_event_id_source UNIQUE (event_id, source)   -- (source, id) once; leads with id for lookups
);

-- Not unique on purpose: the verifier must be able to see (and name) a row inserted behind our back.
CREATE INDEX audit_event_chain ON audit_event (project_id, chain_index);
CREATE INDEX audit_event_time ON audit_event (event_time DESC, position DESC);
CREATE INDEX audit_event_project_time ON audit_event (project_id, event_time DESC, position DESC);
CREATE INDEX audit_event_user ON audit_event (initiator_user_id, event_time DESC);
CREATE INDEX audit_event_credential ON audit_event (application_credential_id, event_time DESC)
    WHERE application_credential_id IS NOT NULL;
CREATE INDEX audit_event_target ON audit_event (target_id, event_time DESC);
CREATE INDEX audit_event_type ON audit_event (type text_pattern_ops);

-- The head of each project's chain: the last index and hash. Written only under the ingest lock.
CREATE TABLE chain_head (
    project_id  TEXT    PRIMARY KEY,
    last_index  BIGINT  NOT NULL,
    last_hash   TEXT    NOT NULL
);

-- Where a project's chain starts after a retention purge: the last purged record's index and hash.
CREATE TABLE chain_anchor (
    project_id  TEXT         PRIMARY KEY,
    last_index  BIGINT       NOT NULL,
    last_hash   TEXT         NOT NULL,
    purged_at   TIMESTAMPTZ  NOT NULL
);

-- Signed checkpoints (CloudTrail digest analogue): the heads of every chain, each naming the
-- previous checkpoint's signature.
CREATE TABLE checkpoint (
    seq                 BIGSERIAL    PRIMARY KEY,
    id                  UUID         NOT NULL UNIQUE,
    created_at          TIMESTAMPTZ  NOT NULL,
    body                TEXT         NOT NULL,   -- canonical JSON that was signed
    signature           TEXT         NOT NULL,   -- base64 Ed25519 signature of body
    previous_signature  TEXT,
    key_fingerprint     TEXT         NOT NULL
);

-- The next Kafka offset to read per partition, written in the transaction that stored the records
-- before it: the log and its read position can never disagree, even if the database is restored
-- from a backup (the consumer seeks here on assignment; Kafka's committed offsets only show lag).
CREATE TABLE consumer_offset (
    topic        TEXT     NOT NULL,
    partition    INTEGER  NOT NULL,
    next_offset  BIGINT   NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Per source, the highest sequence up to which every number has been stored (gap detection).
CREATE TABLE source_watermark (
    source      TEXT    PRIMARY KEY,
    watermark   BIGINT  NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL
);

-- Inventory projections, maintained in the ingest transaction.
CREATE TABLE keypair_inventory (
    key_id          TEXT         PRIMARY KEY,   -- <user id>/<name>, the event subject
    project_id      TEXT         NOT NULL,
    user_id         TEXT         NOT NULL,
    name            TEXT         NOT NULL,
    algorithm       TEXT,
    bits            INTEGER,
    fingerprint     TEXT,
    generated       BOOLEAN,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      TEXT,
    last_used_at    TIMESTAMPTZ
);
CREATE INDEX keypair_inventory_project ON keypair_inventory (project_id);

CREATE TABLE credential_inventory (
    credential_id   TEXT         PRIMARY KEY,
    project_id      TEXT         NOT NULL,
    user_id         TEXT         NOT NULL,
    name            TEXT,
    roles           TEXT         NOT NULL,     -- JSON array of role names
    unrestricted    BOOLEAN      NOT NULL,
    expires_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      TEXT,
    last_used_at    TIMESTAMPTZ,
    last_used_from  TEXT
);
CREATE INDEX credential_inventory_project ON credential_inventory (project_id);

CREATE TABLE rule_inventory (
    rule_id            TEXT         PRIMARY KEY,
    project_id         TEXT         NOT NULL,
    security_group_id  TEXT,
    direction          TEXT,
    ethertype          TEXT,
    protocol           TEXT,
    port_range_min     INTEGER,
    port_range_max     INTEGER,
    remote_ip_prefix   TEXT,
    remote_group_id    TEXT,
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rule_inventory_project ON rule_inventory (project_id);
CREATE INDEX rule_inventory_group ON rule_inventory (security_group_id);

-- Password logins per user and project (for "humans and automation share passwords" findings).
CREATE TABLE login_inventory (
    user_id         TEXT         NOT NULL,
    project_id      TEXT         NOT NULL,
    method          TEXT         NOT NULL,    -- password | application_credential
    count           BIGINT       NOT NULL,
    first_at        TIMESTAMPTZ  NOT NULL,
    last_at         TIMESTAMPTZ  NOT NULL,
    user_agents     TEXT         NOT NULL,    -- JSON array of distinct user agents (bounded)
    PRIMARY KEY (user_id, project_id, method)
);

-- Every insert or change of an alert takes the next number: the order of the live alert stream.
CREATE SEQUENCE alert_stream_seq;

-- Alerts raised by the detectors, deduplicated on dedup_key within a suppression window.
CREATE TABLE alert (
    id              UUID         PRIMARY KEY,
    detector        TEXT         NOT NULL,
    title           TEXT         NOT NULL,
    severity        TEXT         NOT NULL,
    project_id      TEXT         NOT NULL,
    dedup_key       TEXT         NOT NULL,
    state           TEXT         NOT NULL,    -- open | acknowledged | resolved
    first_seen      TIMESTAMPTZ  NOT NULL,
    last_seen       TIMESTAMPTZ  NOT NULL,
    suppress_until  TIMESTAMPTZ  NOT NULL,
    occurrences     INTEGER      NOT NULL,
    details         TEXT         NOT NULL,    -- JSON object
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      TEXT,
    stream_seq      BIGINT       NOT NULL DEFAULT nextval('alert_stream_seq')   -- renumbered on every change
);
CREATE INDEX alert_stream ON alert (stream_seq);
CREATE INDEX alert_dedup ON alert (dedup_key, last_seen DESC);
CREATE INDEX alert_project ON alert (project_id, created_at DESC);

CREATE TABLE alert_event (
    alert_id   UUID  NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    event_id   TEXT  NOT NULL,
    PRIMARY KEY (alert_id, event_id)
);

-- Retention per project (days); projects without a row use the configured default.
CREATE TABLE retention_policy (
    project_id  TEXT         PRIMARY KEY,
    days        INTEGER      NOT NULL CHECK (days > 0),
    updated_at  TIMESTAMPTZ  NOT NULL,
    updated_by  TEXT
);
