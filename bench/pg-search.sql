-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Search on PostgreSQL: a stored tsvector (text search configuration `liaison`: unaccent, then
-- simple) with a GIN index, against pg_trgm's GIN index on the folded text, on the same rows
-- and the queries search makes as a person types (see docs/team-server.md for the figures).
--
--   tests/pg-cluster.sh sh -c 'psql -X -q "$LIAISON_TEST_PG" -v rows=300000 -f bench/pg-search.sql'
--
-- The rows are interaction-like: a title of four words and a summary of twelve, drawn from
-- 8,000 made-up words (some accented). Each query runs 20 times; the median and the slowest
-- are printed, in milliseconds.

\set ON_ERROR_STOP on
DROP DATABASE IF EXISTS lia_search_bench;
CREATE DATABASE lia_search_bench;
\c lia_search_bench

CREATE EXTENSION unaccent;
CREATE EXTENSION pg_trgm;
CREATE TEXT SEARCH CONFIGURATION liaison (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION liaison
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword,
    numhword, hword_numpart
  WITH unaccent, simple;
CREATE FUNCTION fold (t text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql
  AS $$ SELECT lower (public.unaccent ('public.unaccent', t)) $$;

CREATE TABLE words AS
  SELECT i, s1.s || s2.s || s3.s AS word
  FROM generate_series (0, 7999) i,
    LATERAL (SELECT (ARRAY['ha','ber','lo','mi','zü','ré','an','to','ka','vac','ci','ne','port',
                           'sa','de','mar','tin','dia','llo','gè'])[1 + i % 20] AS s) s1,
    LATERAL (SELECT (ARRAY['ra','nu','po','li','ké','sto','bu','fe','ge','ri','mo','da','va','lé',
                           'xa','que','ti','or','el','us'])[1 + (i / 20) % 20] AS s) s2,
    LATERAL (SELECT (ARRAY['n','s','ta','r','ne','','lo','x','de','m','go','ve','t','ch','pa',
                           'l','ni','z','ba','k'])[1 + (i / 400) % 20] AS s) s3;

SELECT setseed (0.42);
CREATE TABLE docs AS
  WITH a AS (SELECT array_agg (word ORDER BY i) AS w FROM words)
  SELECT g AS id,
    concat_ws (' ', VARIADIC ARRAY (SELECT w[1 + floor (random () * 8000)::int]
                                    FROM generate_series (1, 4 + (g % 2 - g % 2)))) AS title,
    concat_ws (' ', VARIADIC ARRAY (SELECT w[1 + floor (random () * 8000)::int]
                                    FROM generate_series (1, 12 + (g % 2 - g % 2)))) AS summary
  FROM a, generate_series (1, :rows) g;
ALTER TABLE docs ADD PRIMARY KEY (id);
ALTER TABLE docs ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight (to_tsvector ('liaison', title), 'A')
  || setweight (to_tsvector ('liaison', summary), 'C')) STORED;

\timing on
CREATE INDEX docs_search ON docs USING gin (search_vector);
CREATE INDEX docs_trgm ON docs USING gin (fold (title || ' ' || summary) gin_trgm_ops);
\timing off
VACUUM ANALYZE docs;
SELECT pg_size_pretty (pg_relation_size ('docs_search')) AS tsvector_gin,
       pg_size_pretty (pg_relation_size ('docs_trgm')) AS trgm_gin;

CREATE FUNCTION measure (label text, q text) RETURNS TABLE (query text, matches bigint,
                                                             median_ms numeric, max_ms numeric)
LANGUAGE plpgsql AS $$
DECLARE
  times double precision[] := '{}';
  t0 timestamptz;
  n bigint;
BEGIN
  FOR i IN 1 .. 20 LOOP
    t0 := clock_timestamp ();
    EXECUTE q;
    times := times || extract (epoch FROM clock_timestamp () - t0) * 1000;
  END LOOP;
  EXECUTE 'SELECT count(*) FROM (' || regexp_replace (q, 'LIMIT 256', '') || ') x' INTO n;
  RETURN QUERY SELECT label, n,
    round ((SELECT percentile_cont (0.5) WITHIN GROUP (ORDER BY x) FROM unnest (times) x)::numeric, 2),
    round ((SELECT max (x) FROM unnest (times) x)::numeric, 2);
END $$;

-- What lia-store-search-pg.c runs: the newest 256 matches, ranked.
SELECT * FROM measure ('tsvector "ha"',
  $q$SELECT id, -ts_rank (search_vector, q) FROM docs, to_tsquery ('liaison', '''ha'':*') q
     WHERE search_vector @@ q ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('tsvector "zu"',
  $q$SELECT id, -ts_rank (search_vector, q) FROM docs, to_tsquery ('liaison', '''zu'':*') q
     WHERE search_vector @@ q ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('tsvector "zuli"',
  $q$SELECT id, -ts_rank (search_vector, q) FROM docs, to_tsquery ('liaison', '''zuli'':*') q
     WHERE search_vector @@ q ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('tsvector "hara port"',
  $q$SELECT id, -ts_rank (search_vector, q) FROM docs,
       to_tsquery ('liaison', '''hara'':* & ''port'':*') q
     WHERE search_vector @@ q ORDER BY id DESC LIMIT 256$q$)
-- The same, ranking only the 256 kept (ts_rank after the LIMIT, not on every match).
UNION ALL SELECT * FROM measure ('tsvector, rank after limit "zuli"',
  $q$SELECT id, -ts_rank (search_vector, to_tsquery ('liaison', '''zuli'':*'))
     FROM (SELECT id, search_vector FROM docs
           WHERE search_vector @@ to_tsquery ('liaison', '''zuli'':*')
           ORDER BY id DESC LIMIT 256) s$q$)
UNION ALL SELECT * FROM measure ('tsvector, rank after limit "hara port"',
  $q$SELECT id, -ts_rank (search_vector, to_tsquery ('liaison', '''hara'':* & ''port'':*'))
     FROM (SELECT id, search_vector FROM docs
           WHERE search_vector @@ to_tsquery ('liaison', '''hara'':* & ''port'':*')
           ORDER BY id DESC LIMIT 256) s$q$)
-- pg_trgm: a word starting with what was typed, in the folded text (no per-column weights:
-- similarity() ranks the whole text).
UNION ALL SELECT * FROM measure ('pg_trgm "ha"',
  $q$SELECT id, -similarity (fold (title || ' ' || summary), 'ha') FROM docs
     WHERE fold (title || ' ' || summary) ~ '\mha' ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('pg_trgm "zu"',
  $q$SELECT id, -similarity (fold (title || ' ' || summary), 'zu') FROM docs
     WHERE fold (title || ' ' || summary) ~ '\mzu' ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('pg_trgm "zuli"',
  $q$SELECT id, -similarity (fold (title || ' ' || summary), 'zuli') FROM docs
     WHERE fold (title || ' ' || summary) ~ '\mzuli' ORDER BY id DESC LIMIT 256$q$)
UNION ALL SELECT * FROM measure ('pg_trgm "hara port"',
  $q$SELECT id, -similarity (fold (title || ' ' || summary), 'hara port') FROM docs
     WHERE fold (title || ' ' || summary) ~ '\mhara' AND fold (title || ' ' || summary) ~ '\mport'
     ORDER BY id DESC LIMIT 256$q$);

\c postgres
DROP DATABASE lia_search_bench;
