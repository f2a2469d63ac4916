CREATE TABLE brands (
    id uuid NOT NULL PRIMARY KEY,
    name character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE api_keys (
    id uuid NOT NULL PRIMARY KEY,
    brand_id uuid NOT NULL REFERENCES brands (id),
    name character varying(100) NOT NULL,
    display_prefix character varying(20) NOT NULL,
    -- SHA-256 (hex) of the key: the key is shown once and never stored.
    key_hash character varying(64) NOT NULL,
    roles character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_key_id uuid NULL,
    revoked_at timestamp with time zone NULL
);

-- Every authenticated request looks its key up by hash.
CREATE UNIQUE INDEX ix_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_brand_id_created_at ON api_keys (brand_id, created_at);
