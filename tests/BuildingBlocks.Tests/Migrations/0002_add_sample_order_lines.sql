CREATE TABLE sample_order_lines (
    id        uuid          PRIMARY KEY,
    order_id  uuid          NOT NULL REFERENCES sample_orders (id) ON DELETE CASCADE,
    sku       varchar(32)   NOT NULL,
    quantity  integer       NOT NULL
);

CREATE INDEX ix_sample_order_lines_order_id ON sample_order_lines (order_id);
CREATE INDEX ix_sample_orders_placed_at ON sample_orders (placed_at);
