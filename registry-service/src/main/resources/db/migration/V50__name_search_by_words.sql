-- Name search by words. Each woman's folded name is split into its words, and every two neighbouring words
-- are also kept joined (so «رضایی نژاد», «رضایی‌نژاد» and «رضایینژاد» share the word «رضایینژاد»). A plain
-- GIN index over that array finds the women who carry all the words of a query in a few milliseconds,
-- where a trigram LIKE over the whole name had to intersect a posting list per trigram. Every word ever
-- seen goes into a small dictionary (name_term), which is what the partial and the fuzzy phases search:
-- the query's words are first matched against the dictionary, and only the women carrying the matched
-- words are scored. The two trigram indexes over the whole name are no longer used by any query and are
-- dropped: two indexes of a dozen keys per woman less to keep up to date on import.
create function name_terms(key text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct t), '{}') from (
        select w as t from unnest(string_to_array(key, ' ')) w where w <> ''
        union all
        select w || n from (select w, lead(w) over (order by i) as n
                            from unnest(string_to_array(key, ' ')) with ordinality u(w, i) where w <> '') p
        where n is not null) s
$$;

alter table beneficiary add column name_terms text[] generated always as (name_terms(name_key)) stored;
create index beneficiary_name_terms on beneficiary using gin (name_terms);

-- The dictionary: every word and every joined pair ever seen; "word" tells the words seen on their own,
-- which are all that the partial and the fuzzy phases look at (a pair would only repeat its two words).
create table name_term (
    term text primary key,
    word boolean not null
);
create index name_term_trgm on name_term using gin (term gin_trgm_ops);

-- Statement-level, so that a batch of a thousand women costs two statements on the dictionary, not two
-- thousand. Rows are only locked when a pair is first seen on its own (rare), never on every insert.
create function name_term_collect() returns trigger language plpgsql as $$
begin
    insert into name_term (term, word)
    select t, bool_or(w) from (
        select t, true as w from new_rows, unnest(string_to_array(new_rows.name_key, ' ')) t where t <> ''
        union all
        select t, false from new_rows, unnest(new_rows.name_terms) t) s
    group by t order by t
    on conflict do nothing;
    update name_term set word = true
    where not word and term in (select t from new_rows, unnest(string_to_array(new_rows.name_key, ' ')) t);
    return null;
end
$$;
create trigger beneficiary_name_terms_inserted after insert on beneficiary
    referencing new table as new_rows for each statement execute function name_term_collect();
create trigger beneficiary_name_terms_updated after update on beneficiary
    referencing new table as new_rows for each statement execute function name_term_collect();

-- what is already there
create temporary table new_rows on commit drop as select name_key, name_terms from beneficiary;
insert into name_term (term, word)
select t, bool_or(w) from (
    select t, true as w from new_rows, unnest(string_to_array(new_rows.name_key, ' ')) t where t <> ''
    union all
    select t, false from new_rows, unnest(new_rows.name_terms) t) s
group by t order by t;

drop index beneficiary_name_key_trgm;
drop index beneficiary_name_flat_trgm;
