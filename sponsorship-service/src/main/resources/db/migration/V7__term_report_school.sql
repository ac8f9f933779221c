-- The school a child attended in a term, as her report card names it: the roster's "school and grade" (the
-- registry's events carry the grade; officers record the school with each report card).
alter table term_report add column school_name text check (school_name is null or length(school_name) <= 200);
