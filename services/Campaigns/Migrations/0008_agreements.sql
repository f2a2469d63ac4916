-- Agreements (docs/services/campaigns.md, "Agreements"): versioned terms per enrollment that the
-- creator accepts with their own credential; templates the terms are filled from.

CREATE TABLE agreement_templates (
    id          uuid          PRIMARY KEY,
    brand_id    uuid          NOT NULL,
    name        varchar(200)  NOT NULL,
    text        text          NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE INDEX ix_agreement_templates_brand_id_created_at ON agreement_templates (brand_id, created_at);

CREATE TABLE agreements (
    id                        uuid           PRIMARY KEY,
    brand_id                  uuid           NOT NULL,
    campaign_id               uuid           NOT NULL REFERENCES campaigns (id),
    enrollment_id             uuid           NOT NULL REFERENCES enrollments (id),
    creator_id                uuid           NOT NULL,
    agreement_version         integer        NOT NULL,
    status                    text           NOT NULL,
    template_id               uuid           REFERENCES agreement_templates (id),
    -- The document and the filled-in values are personal data: null once the creator is erased.
    text                      text,
    fields                    text,
    -- The evidence of what was accepted, kept after erasure.
    text_sha256               char(64)       NOT NULL,
    deliverables_owed         text           NOT NULL,
    fee_amount                numeric(19,4),
    fee_currency              char(3),
    commission_terms_version  integer,
    exclusivity_categories    text[]         NOT NULL,
    exclusive_from            date,
    exclusive_until           date,
    sent_at                   timestamptz    NOT NULL,
    sent_by_key_id            uuid,
    accept_by                 timestamptz    NOT NULL,
    accepted_at               timestamptz,
    accepted_with_key_id      uuid,
    closed_at                 timestamptz,
    erased                    boolean        NOT NULL,
    version                   bigint         NOT NULL,
    updated_at                timestamptz    NOT NULL
);
-- One row per version of an enrollment's agreement; two concurrent sends cannot both be version n.
CREATE UNIQUE INDEX ix_agreements_enrollment_id_agreement_version ON agreements (enrollment_id, agreement_version);
CREATE INDEX ix_agreements_brand_id_sent_at ON agreements (brand_id, sent_at);
CREATE INDEX ix_agreements_creator_id ON agreements (creator_id);
CREATE INDEX ix_agreements_campaign_id ON agreements (campaign_id);
CREATE INDEX ix_agreements_template_id ON agreements (template_id);
-- The expiry job finds versions past their deadline across brands.
CREATE INDEX ix_agreements_accept_by ON agreements (accept_by) WHERE status = 'sent';
