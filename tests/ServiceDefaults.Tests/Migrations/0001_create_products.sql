-- The sample service's own tables (see Sample/ShopDbContext.cs).
CREATE TABLE products (
    id        uuid          PRIMARY KEY,
    brand_id  uuid          NOT NULL,
    name      varchar(100)  NOT NULL,
    price     numeric(19,4) NOT NULL
);

-- What the sample service learned from events: a replica, as a real consumer keeps one.
CREATE TABLE product_replicas (
    id            uuid    PRIMARY KEY,
    brand_id      uuid    NOT NULL,
    name          varchar(100) NOT NULL,
    review_count  integer NOT NULL
);
