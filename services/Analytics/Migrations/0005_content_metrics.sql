-- Content analytics (docs/services/analytics.md, "Content"): each post's latest snapshot per UTC
-- day of its lifetime counts, as campaigns publishes them (PostMetricsRecorded). A range's views,
-- likes, … are the latest snapshot in it minus the latest before it, so a late or repeated report
-- never counts twice. Reach is unique accounts: it is read, never added up.

CREATE TABLE post_metric_snapshots (
    post_id      uuid           NOT NULL,
    day          date           NOT NULL,
    brand_id     uuid           NOT NULL,
    measured_at  timestamptz    NOT NULL,
    views        bigint,
    reach        bigint,
    likes        bigint,
    comments     bigint,
    shares       bigint,
    saves        bigint,
    PRIMARY KEY (post_id, day)
);
