-- A person whose password someone else knows (the first admin, whose password came from the environment)
-- chooses her own at her first login: until then her access tokens carry no role and serve only
-- POST /account/password, and she gets no refresh token.
alter table staff_user add column must_change_password boolean not null default false;
alter table staff_user add column password_changed_at timestamptz;
