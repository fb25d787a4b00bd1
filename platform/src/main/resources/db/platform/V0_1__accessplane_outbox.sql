-- The transactional outbox every accessplane service writes its events to.
-- A row commits with the change it describes; the relay publishes it to Kafka,
-- assigning the per-source gap-free sequence, then marks it published.
CREATE TABLE outbox_event (
    position      BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    source        TEXT         NOT NULL,
    type          TEXT         NOT NULL,
    partition_key TEXT         NOT NULL,
    payload       JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sequence      BIGINT,
    published_at  TIMESTAMPTZ,
    CONSTRAINT outbox_event_source_sequence UNIQUE (source, sequence)
);

CREATE INDEX outbox_event_pending ON outbox_event (source, sequence, position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- The last sequence handed out per source; only the relay holding the source's advisory lock writes it.
CREATE TABLE outbox_source (
    source        TEXT   PRIMARY KEY,
    last_sequence BIGINT NOT NULL DEFAULT 0
);

-- Wakes the relay (LISTEN accessplane_outbox) when a transaction that wrote events commits.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('accessplane_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
