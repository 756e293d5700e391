-- The owner's own words for a cookie: what it does, who is behind it and how long it stays, each replacing the
-- scanner's in the banner and the declaration. An owner may describe a cookie and leave its category to the scanner,
-- so category may be empty now; a row says at least one thing. Existing rows all have a category.

ALTER TABLE cookie_overrides
    ALTER COLUMN category DROP NOT NULL,
    ADD COLUMN purpose   text CHECK (char_length(purpose) BETWEEN 1 AND 500),
    ADD COLUMN vendor    text CHECK (char_length(vendor) BETWEEN 1 AND 120),
    ADD COLUMN retention text CHECK (char_length(retention) BETWEEN 1 AND 60),
    ADD CONSTRAINT cookie_overrides_say_something
        CHECK (category IS NOT NULL OR purpose IS NOT NULL OR vendor IS NOT NULL OR retention IS NOT NULL);
