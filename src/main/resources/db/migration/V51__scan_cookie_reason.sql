-- Why the scanner classified a cookie as it did (a name rule, the Open Cookie Database, its setter's script, the site
-- owner), for the owner; purpose keeps only what the cookie does, in words for the visitors who read the banner.

ALTER TABLE scan_cookies ADD COLUMN reason text;

-- Scans stored before this kept that wording in purpose, and banner lists are made from the latest scan: move it.
-- The owner's word, a vendor's host, the model and a writing script only ever gave a reason, never a purpose.
UPDATE scan_cookies SET reason = purpose, purpose = NULL
 WHERE source IN ('override', 'vendor', 'model', 'script')
    OR source = 'rule' AND purpose LIKE 'Written by %';

-- "Keeps the shopping cart (name rule cart)"
UPDATE scan_cookies
   SET reason = 'Name rule ' || substring(purpose FROM ' \(name rule ([^()]*)\)$'),
       purpose = NULLIF(substring(purpose FROM '^(.*) \(name rule [^()]*\)$'), '')
 WHERE source = 'rule' AND purpose ~ ' \(name rule [^()]*\)$';

-- "Listed as a cookie of a.example, b.example: what it does" (a namesake from another host)
UPDATE scan_cookies
   SET reason = CASE WHEN strpos(purpose, ': ') > 0 THEN left(purpose, strpos(purpose, ': ') - 1) ELSE purpose END,
       purpose = CASE WHEN strpos(purpose, ': ') > 0 THEN NULLIF(substr(purpose, strpos(purpose, ': ') + 2), '') END
 WHERE source = 'database' AND purpose LIKE 'Listed as a cookie of %';

UPDATE scan_cookies SET reason = 'Listed in the Open Cookie Database' WHERE source = 'database' AND reason IS NULL;
