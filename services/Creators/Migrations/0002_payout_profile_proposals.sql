-- Payout-profile changes a creator proposes with their own credential; the brand's finance confirms or rejects them
-- (docs/services/creators.md, "A creator's own routes").
CREATE TABLE payout_profile_proposals (
    id                  uuid          PRIMARY KEY,
    brand_id            uuid          NOT NULL,
    creator_id          uuid          NOT NULL REFERENCES creators (id),
    status              text          NOT NULL,
    method              text          NOT NULL,
    currency            char(3)       NOT NULL,
    payee_reference     varchar(100),
    tax_form_status     text,
    proposed_at         timestamptz   NOT NULL,
    proposed_by_key_id  uuid,
    decided_at          timestamptz,
    decided_by_key_id   uuid,
    note                varchar(500),
    version             bigint        NOT NULL
);
CREATE INDEX ix_payout_profile_proposals_creator_id_proposed_at ON payout_profile_proposals (creator_id, proposed_at);
-- One pending proposal per creator: a new one supersedes it in the same transaction.
CREATE UNIQUE INDEX ix_payout_profile_proposals_creator_id ON payout_profile_proposals (creator_id) WHERE status = 'pending';
