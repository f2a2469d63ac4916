-- The schema of the sample model the building-block tests use (see Sample/SampleDbContext.cs).
CREATE TABLE sample_orders (
    id         uuid          PRIMARY KEY,
    brand_id   uuid          NOT NULL,
    reference  varchar(64)   NOT NULL,
    amount     numeric(19,4) NOT NULL,
    currency   char(3)       NOT NULL,
    placed_at  timestamptz   NOT NULL,
    note       text
);

CREATE UNIQUE INDEX ix_sample_orders_brand_id_reference ON sample_orders (brand_id, reference);
