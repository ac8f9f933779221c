-- A woman of the home-business campaign «کار تو خونمونه» who made her first sale may apply to bazaars before
-- she registers a business (registry event campaign.bazaar-eligible). She is held here as a campaign applicant:
-- a producer row of kind CAMPAIGN whose id is her campaign mentee id, owned by her person id (the ownerId a
-- business of hers would carry), so the allocation's rules per owner hold for her too.
alter table producer add column kind text not null default 'BUSINESS' check (kind in ('BUSINESS', 'CAMPAIGN'));
-- the categories she works in (a campaign applicant only); her category is the one she last applied in
alter table producer add column categories text[];
alter table producer add column eligible_since date;
alter table producer alter column category drop not null;
alter table producer add constraint producer_business_has_category check (kind = 'CAMPAIGN' or category is not null);
