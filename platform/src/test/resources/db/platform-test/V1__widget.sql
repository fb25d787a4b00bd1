-- A stand-in resource for the platform's own tests: a change that events describe.
CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
