-- Post metrics: one snapshot of lifetime counts per post and UTC day, the latest measured winning
-- (docs/services/campaigns.md, "Post metrics"). A null count was not reported.

CREATE TABLE post_metric_snapshots (
    brand_id     uuid          NOT NULL,
    post_id      uuid          NOT NULL REFERENCES posts (id),
    day          date          NOT NULL,
    measured_at  timestamptz   NOT NULL,
    views        bigint,
    reach        bigint,
    likes        bigint,
    comments     bigint,
    shares       bigint,
    saves        bigint,
    recorded_at  timestamptz   NOT NULL,
    PRIMARY KEY (post_id, day)
);
