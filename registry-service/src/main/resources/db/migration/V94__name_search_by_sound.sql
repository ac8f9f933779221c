-- Name search by sound. A clerk writes what she hears: «ذهره» for «زهره», «سدیقه» for «صدیقه», «اذرا» for
-- «عذرا». Each name gets a sound key (its folded name_key with the letters that sound alike folded to one
-- letter of their class: ذ ض ظ as ز, ص ث as س, ط as ت, ح as ه, غ as ق, and ع at the start of a word as ا),
-- and the words of that key, kept as name_terms keeps the words of the name (every word and every two
-- neighbouring words joined), with their own GIN index: the search's sound-alike tier and its one-slip tier
-- (a keyboard neighbour, a letter left out, a letter doubled) look there. The letters are the ones of
-- PersianText.SOUND_ALIKE_FROM / SOUND_ALIKE_TO in support-text, which folds the query; NameSoundSqlTest
-- holds the two to each other. Both columns are generated, so every way of writing a woman (the API, the
-- import, SQL) keeps them, and adding them computes them for the women already there in one rewrite.
create function name_sound(key text) returns text language sql immutable parallel safe as $$
    select translate(regexp_replace(key, '(^| )ع', '\1ا', 'g'), 'ذضظصثطحغ', 'زززسستهق')
$$;

alter table beneficiary
    add column name_sound text generated always as (name_sound(name_key)) stored,
    add column sound_terms text[] generated always as (name_terms(name_sound(name_key))) stored;
create index beneficiary_sound_terms on beneficiary using gin (sound_terms);
-- the one-slip tier first keeps, of the few hundred spellings one slip from a word, those some woman carries:
-- the dictionary of words (V50) looked up by sound key
create index name_term_sound on name_term (name_sound(term));

-- duplicate detection: one woman in any spelling, born on one day, is one woman
drop index beneficiary_birth_name;
create index beneficiary_birth_sound on beneficiary (birth_date, name_sound);
