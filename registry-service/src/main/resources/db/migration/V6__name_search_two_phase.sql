-- Name search in two phases. First the women whose folded name contains the folded query once spaces
-- are ignored (so «رضایی‌نژاد», «رضایی نژاد» and «رضایینژاد» are one spelling): a trigram GIN index
-- answers that LIKE and no similarity has to be computed. Only when those do not fill the page are the
-- fuzzy candidates (trigram word similarity, served by the GIN index of V1) scored and ranked. The GiST
-- index of V5 is dropped: for this query shape GIN answers in a fraction of its time and costs less to
-- keep up to date on import.
alter table beneficiary add column name_flat text generated always as (replace(name_key, ' ', '')) stored;
create index beneficiary_name_flat_trgm on beneficiary using gin (name_flat gin_trgm_ops);
drop index beneficiary_name_key_gist;
