-- Issue #32: four eyes are two people, not two keys. What a requester was (member, the party
-- answerable for a machine's key) is recorded beside the key, and so is the approving member.
ALTER TABLE ledger_adjustments
    ADD COLUMN requested_by_member_id uuid NULL,
    ADD COLUMN requested_by_party uuid NULL,
    ADD COLUMN approved_by_member_id uuid NULL;

ALTER TABLE payout_batches
    ADD COLUMN created_by_member_id uuid NULL,
    ADD COLUMN created_by_party uuid NULL,
    ADD COLUMN approved_by_member_id uuid NULL;

-- Requests from before members came from keys issued to nobody: each answers for itself.
UPDATE ledger_adjustments SET requested_by_party = requested_by_key_id;
UPDATE payout_batches SET created_by_party = created_by_key_id;
