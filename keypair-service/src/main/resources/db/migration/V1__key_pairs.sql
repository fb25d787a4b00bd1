-- Key pairs belong to a user (as in Nova); the name is unique per user. Private keys are never stored.
CREATE TABLE key_pair (
    id                 BIGSERIAL    PRIMARY KEY,
    user_id            VARCHAR(64)  NOT NULL,
    project_id         VARCHAR(64),
    name               VARCHAR(255) NOT NULL,
    type               VARCHAR(8)   NOT NULL,
    public_key         TEXT         NOT NULL,
    fingerprint        VARCHAR(128) NOT NULL,
    fingerprint_sha256 VARCHAR(64)  NOT NULL,
    algorithm          VARCHAR(32)  NOT NULL,
    bits               INTEGER      NOT NULL,
    generated          BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT key_pair_name_per_user UNIQUE (user_id, name)
);
