-- Erasing a creator (CreatorErased) scrubs the handle tracking copied from CreatorEnrolled: it names
-- the creator in every redirect's utm_content. The tombstone makes the erasure final, so a
-- CreatorEnrolled delivered late (or replayed from parking) does not bring the handle back.

CREATE TABLE erased_creators (
    creator_id  uuid          PRIMARY KEY,
    brand_id    uuid          NOT NULL,
    erased_at   timestamptz   NOT NULL
);
