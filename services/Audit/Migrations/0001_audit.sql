-- The audit trail: per brand, every change made through the API, in a hash chain
-- (docs/decisions/0026-audit-trail.md).

-- One row per brand: the end of its chain. Appenders lock it, so a brand's entries are numbered and
-- chained one after another; the anchor job compares last_seq with anchored_seq.
CREATE TABLE audit_heads (
    brand_id      uuid    PRIMARY KEY,
    last_seq      bigint  NOT NULL,
    last_hash     bytea   NOT NULL,
    anchored_seq  bigint  NOT NULL
);

CREATE TABLE audit_entries (
    brand_id           uuid          NOT NULL,
    seq                bigint        NOT NULL,
    id                 uuid          NOT NULL,
    message_id         uuid          NOT NULL,
    occurred_at        timestamptz   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    service            varchar(50)   NOT NULL,
    request_id         varchar(200),
    caller_kind        varchar(20)   NOT NULL,
    caller_key_id      uuid,
    caller_member_id   uuid,
    caller_creator_id  uuid,
    action             varchar(200)  NOT NULL,
    method             varchar(10)   NOT NULL,
    route              varchar(500)  NOT NULL,
    subject_type       varchar(100)  NOT NULL,
    subject_id         varchar(200)  NOT NULL,
    operation          varchar(10)   NOT NULL,
    -- The changed fields without personal data.
    changes            jsonb         NOT NULL,
    -- SHA-256(salt ‖ personal data); the data and salt are in audit_personal until erased.
    personal_hash      bytea,
    prev_hash          bytea         NOT NULL,
    entry_hash         bytea         NOT NULL,
    PRIMARY KEY (brand_id, seq)
);
CREATE UNIQUE INDEX ix_audit_entries_id ON audit_entries (id);
CREATE INDEX ix_audit_entries_brand_id_subject_type_subject_id ON audit_entries (brand_id, subject_type, subject_id);
CREATE INDEX ix_audit_entries_brand_id_occurred_at ON audit_entries (brand_id, occurred_at);

-- Erasable: deleting a row (salt and data) erases the personal data of its entry, which keeps its hash.
CREATE TABLE audit_personal (
    entry_id    uuid   PRIMARY KEY,
    brand_id    uuid   NOT NULL,
    creator_id  uuid,
    member_id   uuid,
    salt        bytea  NOT NULL,
    data        jsonb  NOT NULL
);
CREATE INDEX ix_audit_personal_brand_id_creator_id ON audit_personal (brand_id, creator_id) WHERE creator_id IS NOT NULL;
CREATE INDEX ix_audit_personal_brand_id_member_id ON audit_personal (brand_id, member_id) WHERE member_id IS NOT NULL;

-- The heads as published (AuditChainAnchored).
CREATE TABLE audit_anchors (
    id           uuid         PRIMARY KEY,
    brand_id     uuid         NOT NULL,
    seq          bigint       NOT NULL,
    entry_hash   bytea        NOT NULL,
    anchored_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ix_audit_anchors_brand_id_seq ON audit_anchors (brand_id, seq);

-- Creators erased on request: personal data about them that arrives later is not stored.
CREATE TABLE audit_erasures (
    brand_id    uuid         NOT NULL,
    creator_id  uuid         NOT NULL,
    erased_at   timestamptz  NOT NULL,
    PRIMARY KEY (brand_id, creator_id)
);

-- Append-only: the service never changes an entry or an anchor. This stops mistakes and anyone
-- without the right to drop a trigger; against a superuser, the hashes and the anchors kept outside
-- the database are what tell.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
