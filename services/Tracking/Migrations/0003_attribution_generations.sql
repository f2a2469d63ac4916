-- Attribution reads promo codes, enrollments and campaigns from memory (decision 0019). Every change
-- to a code, link, enrollment or campaign raises its brand's generation in the changing transaction
-- and names it in the notification. An order is inserted only while its brand's generation is one
-- the memory had applied; otherwise the order is attributed again from the tables. So an
-- attribution never rests on a change that committed before the order but had not reached memory.

CREATE TABLE attribution_generations (
    brand_id    uuid    PRIMARY KEY,
    generation  bigint  NOT NULL
);

-- A brand without a row is at generation 0: nothing of it has changed since this migration.

-- The generation row's lock is held to commit, so a brand's generations commit (and their
-- notifications arrive) in the order they were given. NEW's fields are read in separate branches
-- because PL/pgSQL resolves them when a statement is planned.
CREATE OR REPLACE FUNCTION tracking_notify_directory() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text;
    next_generation bigint;
BEGIN
    IF TG_TABLE_NAME = 'tracking_links' THEN
        changed := 'link:' || NEW.code;
    ELSIF TG_TABLE_NAME = 'promo_codes' THEN
        changed := 'promo:' || NEW.id;
    ELSIF TG_TABLE_NAME = 'enrollment_replicas' THEN
        changed := 'enrollment:' || NEW.enrollment_id;
    ELSE
        changed := 'campaign:' || NEW.campaign_id;
    END IF;
    INSERT INTO attribution_generations AS g (brand_id, generation) VALUES (NEW.brand_id, 1)
    ON CONFLICT (brand_id) DO UPDATE SET generation = g.generation + 1
    RETURNING generation INTO next_generation;
    PERFORM pg_notify('tracking_directory', changed || ':' || NEW.brand_id || ':' || next_generation);
    RETURN NEW;
END
$$;
CREATE TRIGGER promo_codes_notify AFTER INSERT OR UPDATE ON promo_codes FOR EACH ROW EXECUTE FUNCTION tracking_notify_directory();
