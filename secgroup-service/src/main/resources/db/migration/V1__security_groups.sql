-- Security groups and rules as Neutron keeps them, per project.
CREATE TABLE security_group (
    id              UUID         PRIMARY KEY,
    project_id      VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL DEFAULT '',
    description     VARCHAR(255) NOT NULL DEFAULT '',
    stateful        BOOLEAN      NOT NULL DEFAULT TRUE,
    is_default      BOOLEAN      NOT NULL DEFAULT FALSE,
    revision_number BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX security_group_project ON security_group (project_id);
-- One default group per project, even when two requests create it at once.
CREATE UNIQUE INDEX security_group_one_default ON security_group (project_id) WHERE is_default;

CREATE TABLE security_group_tag (
    security_group_id UUID         NOT NULL REFERENCES security_group (id) ON DELETE CASCADE,
    tag               VARCHAR(255) NOT NULL,
    PRIMARY KEY (security_group_id, tag)
);

-- Rules are immutable (the description excepted, our extension). A rule whose remote group is
-- deleted goes with it, as in Neutron. duplicate_key is Neutron's duplicate comparison key, so
-- two concurrent identical rules cannot both be stored.
CREATE TABLE security_group_rule (
    id                      UUID         PRIMARY KEY,
    security_group_id       UUID         NOT NULL REFERENCES security_group (id) ON DELETE CASCADE,
    project_id              VARCHAR(64)  NOT NULL,
    direction               VARCHAR(7)   NOT NULL,
    ethertype               VARCHAR(4)   NOT NULL,
    protocol                VARCHAR(40),
    port_range_min          INTEGER,
    port_range_max          INTEGER,
    remote_ip_prefix        VARCHAR(64),
    normalized_cidr         VARCHAR(64),
    remote_group_id         UUID         REFERENCES security_group (id) ON DELETE CASCADE,
    remote_address_group_id VARCHAR(36),
    description             VARCHAR(255) NOT NULL DEFAULT '',
    revision_number         BIGINT       NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    duplicate_key           TEXT         NOT NULL,
    CONSTRAINT security_group_rule_unique UNIQUE (security_group_id, duplicate_key)
);
CREATE INDEX security_group_rule_project ON security_group_rule (project_id);
CREATE INDEX security_group_rule_remote_group ON security_group_rule (remote_group_id);

-- The template every new group's rules come from (Neutron's default-security-group-rules).
-- remote_group_id 'PARENT' means the group being created.
CREATE TABLE default_security_group_rule (
    id                      UUID         PRIMARY KEY,
    direction               VARCHAR(7)   NOT NULL,
    ethertype               VARCHAR(4)   NOT NULL,
    protocol                VARCHAR(40),
    port_range_min          INTEGER,
    port_range_max          INTEGER,
    remote_ip_prefix        VARCHAR(64),
    remote_group_id         VARCHAR(36),
    remote_address_group_id VARCHAR(36),
    description             VARCHAR(255) NOT NULL DEFAULT '',
    used_in_default_sg      BOOLEAN      NOT NULL DEFAULT FALSE,
    used_in_non_default_sg  BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO default_security_group_rule
    (id, direction, ethertype, remote_group_id, used_in_default_sg, used_in_non_default_sg) VALUES
    (gen_random_uuid(), 'egress',  'IPv4', NULL,     TRUE, TRUE),
    (gen_random_uuid(), 'egress',  'IPv6', NULL,     TRUE, TRUE),
    (gen_random_uuid(), 'ingress', 'IPv4', 'PARENT', TRUE, FALSE),
    (gen_random_uuid(), 'ingress', 'IPv6', 'PARENT', TRUE, FALSE);

-- Per-project limits that differ from the configured defaults.
CREATE TABLE quota (
    project_id  VARCHAR(64) NOT NULL,
    resource    VARCHAR(32) NOT NULL,
    hard_limit  INTEGER     NOT NULL,
    PRIMARY KEY (project_id, resource)
);
