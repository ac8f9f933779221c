-- Fuzzy name search ranks by trigram word distance with a GiST index (k-nearest-neighbour order),
-- so a page is read from the index instead of scoring every candidate.
create index beneficiary_name_key_gist on beneficiary using gist (name_key gist_trgm_ops);
