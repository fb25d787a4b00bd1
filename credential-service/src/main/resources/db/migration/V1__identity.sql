-- Identity: the default domain, projects, users, the three built-in roles and their assignments.
CREATE TABLE project (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    domain_id   VARCHAR(64)  NOT NULL DEFAULT 'default',
    description TEXT         NOT NULL DEFAULT '',
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT project_name_per_domain UNIQUE (domain_id, name)
);

CREATE TABLE identity_user (
    id                  VARCHAR(32)  PRIMARY KEY,
    name                VARCHAR(255) NOT NULL,
    domain_id           VARCHAR(64)  NOT NULL DEFAULT 'default',
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    password_hash       TEXT,
    default_project_id  VARCHAR(32)  REFERENCES project (id) ON DELETE SET NULL,
    description         TEXT         NOT NULL DEFAULT '',
    email               VARCHAR(255),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ,
    failed_auth_count   INTEGER      NOT NULL DEFAULT 0,
    failed_auth_at      TIMESTAMPTZ,
    CONSTRAINT user_name_per_domain UNIQUE (domain_id, name)
);

CREATE TABLE role (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(255) NOT NULL UNIQUE,
    description TEXT         NOT NULL DEFAULT '',
    -- the role this one implies (admin -> member -> reader)
    implies     VARCHAR(32)  REFERENCES role (id)
);

INSERT INTO role (id, name, description, implies) VALUES
    ('8fb6f1c0d7f04d3b9e3d9a51c4c1a003', 'reader', 'Read the resources of a project', NULL),
    ('8fb6f1c0d7f04d3b9e3d9a51c4c1a002', 'member', 'Create and change the resources of a project', '8fb6f1c0d7f04d3b9e3d9a51c4c1a003'),
    ('8fb6f1c0d7f04d3b9e3d9a51c4c1a001', 'admin', 'Manage everything, across projects', '8fb6f1c0d7f04d3b9e3d9a51c4c1a002');

CREATE TABLE role_assignment (
    user_id    VARCHAR(32) NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id VARCHAR(32) NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    role_id    VARCHAR(32) NOT NULL REFERENCES role (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, project_id, role_id)
);
CREATE INDEX role_assignment_project ON role_assignment (project_id);

-- Application credentials: the secret is stored only as a slow salted hash.
CREATE TABLE application_credential (
    id             VARCHAR(32)  PRIMARY KEY,
    user_id        VARCHAR(32)  NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id     VARCHAR(32)  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name           VARCHAR(255) NOT NULL,
    description    TEXT,
    secret_hash    TEXT         NOT NULL,
    expires_at     TIMESTAMPTZ,
    unrestricted   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at   TIMESTAMPTZ,
    last_used_from VARCHAR(64),
    CONSTRAINT application_credential_name_per_user UNIQUE (user_id, name)
);

CREATE TABLE application_credential_role (
    application_credential_id VARCHAR(32) NOT NULL REFERENCES application_credential (id) ON DELETE CASCADE,
    role_id                   VARCHAR(32) NOT NULL REFERENCES role (id),
    PRIMARY KEY (application_credential_id, role_id)
);

CREATE TABLE access_rule (
    id         VARCHAR(32)  PRIMARY KEY,
    user_id    VARCHAR(32)  NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    service    VARCHAR(64)  NOT NULL,
    path       VARCHAR(225) NOT NULL,
    method     VARCHAR(16)  NOT NULL,
    CONSTRAINT access_rule_unique_per_user UNIQUE (user_id, service, path, method)
);

CREATE TABLE application_credential_access_rule (
    application_credential_id VARCHAR(32) NOT NULL REFERENCES application_credential (id) ON DELETE CASCADE,
    access_rule_id            VARCHAR(32) NOT NULL REFERENCES access_rule (id),
    PRIMARY KEY (application_credential_id, access_rule_id)
);

-- Tokens revoked by DELETE /v3/auth/tokens, kept until they would have expired anyway.
CREATE TABLE revoked_token (
    audit_id   VARCHAR(64) PRIMARY KEY,
    user_id    VARCHAR(32),
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
