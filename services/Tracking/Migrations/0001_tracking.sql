-- The tracking service's own tables. Every change to a code, an enrollment or a campaign notifies
-- 'tracking_directory' in the same transaction, so every replica's in-memory directory follows.

CREATE TABLE campaign_replicas (
    campaign_id       uuid           PRIMARY KEY,
    brand_id          uuid           NOT NULL,
    name              varchar(200)   NOT NULL,
    status            varchar(20)    NOT NULL,
    destination_url   varchar(2000)  NOT NULL,
    allowed_domains   text[]         NOT NULL,
    currency          char(3)        NOT NULL,
    discount_percent  numeric(19,4),
    discount_amount   numeric(19,4),
    version           bigint         NOT NULL,
    updated_at        timestamptz    NOT NULL
);

CREATE TABLE enrollment_replicas (
    enrollment_id  uuid           PRIMARY KEY,
    brand_id       uuid           NOT NULL,
    campaign_id    uuid           NOT NULL,
    creator_id     uuid           NOT NULL,
    handle         varchar(100),
    status         varchar(50)    NOT NULL,
    version        bigint         NOT NULL,
    updated_at     timestamptz    NOT NULL
);

CREATE TABLE tracking_links (
    id              uuid          PRIMARY KEY,
    brand_id        uuid          NOT NULL,
    code            varchar(32)   NOT NULL,
    enrollment_id   uuid          NOT NULL,
    campaign_id     uuid          NOT NULL,
    creator_id      uuid          NOT NULL,
    active          boolean       NOT NULL,
    created_at      timestamptz   NOT NULL,
    deactivated_at  timestamptz
);
CREATE UNIQUE INDEX ix_tracking_links_code ON tracking_links (code);
CREATE INDEX ix_tracking_links_brand_id_created_at ON tracking_links (brand_id, created_at);
CREATE INDEX ix_tracking_links_enrollment_id ON tracking_links (enrollment_id);

CREATE TABLE promo_codes (
    id               uuid          PRIMARY KEY,
    brand_id         uuid          NOT NULL,
    code             varchar(32)   NOT NULL,
    normalized_code  varchar(32)   NOT NULL,
    enrollment_id    uuid          NOT NULL,
    campaign_id      uuid          NOT NULL,
    creator_id       uuid          NOT NULL,
    active           boolean       NOT NULL,
    created_at       timestamptz   NOT NULL,
    deactivated_at   timestamptz
);
-- Unique per brand ignoring case: the upper-case form carries the index.
CREATE UNIQUE INDEX ix_promo_codes_brand_id_normalized_code ON promo_codes (brand_id, normalized_code);
CREATE INDEX ix_promo_codes_brand_id_created_at ON promo_codes (brand_id, created_at);

-- Raw clicks: written in batches with COPY, deleted after the configured retention.
CREATE TABLE clicks (
    id               uuid          PRIMARY KEY,
    brand_id         uuid          NOT NULL,
    link_id          uuid          NOT NULL,
    enrollment_id    uuid          NOT NULL,
    campaign_id      uuid          NOT NULL,
    creator_id       uuid          NOT NULL,
    clicked_at       timestamptz   NOT NULL,
    ip_hash          varchar(64)   NOT NULL,
    user_agent       varchar(512),
    referrer_host    varchar(255),
    is_bot           boolean       NOT NULL,
    is_duplicate     boolean       NOT NULL,
    is_attributable  boolean       NOT NULL
);
CREATE INDEX ix_clicks_clicked_at ON clicks (clicked_at);
CREATE INDEX ix_clicks_link_id_clicked_at ON clicks (link_id, clicked_at);

CREATE FUNCTION tracking_notify_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'tracking_links' THEN
        PERFORM pg_notify('tracking_directory', 'link:' || NEW.code);
    ELSIF TG_TABLE_NAME = 'enrollment_replicas' THEN
        PERFORM pg_notify('tracking_directory', 'enrollment:' || NEW.enrollment_id);
    ELSE
        PERFORM pg_notify('tracking_directory', 'campaign:' || NEW.campaign_id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tracking_links_notify AFTER INSERT OR UPDATE ON tracking_links FOR EACH ROW EXECUTE FUNCTION tracking_notify_directory();
CREATE TRIGGER enrollment_replicas_notify AFTER INSERT OR UPDATE ON enrollment_replicas FOR EACH ROW EXECUTE FUNCTION tracking_notify_directory();
CREATE TRIGGER campaign_replicas_notify AFTER INSERT OR UPDATE ON campaign_replicas FOR EACH ROW EXECUTE FUNCTION tracking_notify_directory();
