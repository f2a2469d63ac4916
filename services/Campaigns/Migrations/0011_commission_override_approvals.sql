-- Issue #32: a staff change that raises an enrollment's commission (an override paying more than the plan in
-- force) waits for as many other members' approvals as the brand's approval policy (owned by payouts,
-- replicated here) asks; see docs/services/campaigns.md, "Commission overrides held for approval".
CREATE TABLE approval_policy_replicas (
    brand_id                        uuid         PRIMARY KEY,
    commission_overrides_approvals  integer      NOT NULL,
    occurred_at                     timestamptz  NOT NULL
);

CREATE TABLE approvals (
    id            uuid          PRIMARY KEY,
    brand_id      uuid          NOT NULL,
    subject_type  varchar(30)   NOT NULL,
    subject_id    uuid          NOT NULL,
    member_id     uuid          NOT NULL,
    key_id        uuid,
    party         uuid,
    approved_at   timestamptz   NOT NULL
);
CREATE UNIQUE INDEX ix_approvals_brand_id_subject_type_subject_id_member_id ON approvals (brand_id, subject_type, subject_id, member_id);

-- The held override: the plan (JSON text like enrollments.commission_override; null clears the override) and
-- from when (null: from its last approval).
CREATE TABLE commission_override_proposals (
    id                     uuid         PRIMARY KEY,
    brand_id               uuid         NOT NULL,
    campaign_id            uuid         NOT NULL REFERENCES campaigns (id),
    enrollment_id          uuid         NOT NULL REFERENCES enrollments (id),
    creator_id             uuid         NOT NULL,
    status                 text         NOT NULL,
    commission_override    text,
    effective_from         timestamptz,
    proposed_at            timestamptz  NOT NULL,
    proposed_by_key_id     uuid,
    proposed_by_member_id  uuid,
    proposed_by_party      uuid,
    approvals_required     integer      NOT NULL,
    decided_at             timestamptz,
    decided_by_key_id      uuid,
    decided_by_member_id   uuid,
    note                   varchar(500),
    version                bigint       NOT NULL
);
CREATE INDEX ix_commission_override_proposals_campaign_id ON commission_override_proposals (campaign_id);
CREATE INDEX ix_commission_override_proposals_enrollment_id_proposed_at ON commission_override_proposals (enrollment_id, proposed_at);
-- At most one pending proposal per enrollment: a newer one supersedes it.
CREATE UNIQUE INDEX ix_commission_override_proposals_enrollment_id_pending ON commission_override_proposals (enrollment_id) WHERE status = 'pending';
