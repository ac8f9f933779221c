-- Venues of bazaars and exhibitions (بازارچه و نمایشگاه).
create table venue (
    id            uuid primary key,
    code          text not null unique,
    kind          text not null check (kind in ('PARK', 'METRO_STATION', 'CULTURAL_CENTRE', 'OTHER')),
    name_fa       text not null,
    name_en       text not null,
    district      smallint not null check (district between 1 and 22),
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    area_m2       integer not null check (area_m2 > 0)
);

-- The venues of the 20th "Women and National Production" exhibition (16-25 Esfand 1402):
-- Goftogu Park, 13 metro stations (the ten named in the directorate's report and three more) and six
-- parks in districts 2, 4, 9, 19, 20 and 22, on 4,032 m2 in all. How the area was split between the
-- venues is not published; the split below is an assumption that keeps the published total.
-- Coordinates are approximate (to about 100 m) and districts are those of each site's location.
insert into venue (id, code, kind, name_fa, name_en, district, latitude, longitude, area_m2) values
('0b6d3c52-5a39-4d0e-9a7e-000000000001', 'goftogu-park',      'PARK',          'بوستان گفتگو',              'Goftogu Park',                 2, 35.757300, 51.369300, 1200),
('0b6d3c52-5a39-4d0e-9a7e-000000000002', 'metro-shariati',    'METRO_STATION', 'ایستگاه مترو شریعتی',        'Shariati metro station',       3, 35.757600, 51.442400, 150),
('0b6d3c52-5a39-4d0e-9a7e-000000000003', 'metro-tajrish',     'METRO_STATION', 'ایستگاه مترو تجریش',         'Tajrish metro station',        1, 35.804500, 51.433900, 140),
('0b6d3c52-5a39-4d0e-9a7e-000000000004', 'metro-beheshti',    'METRO_STATION', 'ایستگاه مترو شهید بهشتی',    'Shahid Beheshti metro station', 7, 35.730800, 51.425900, 130),
('0b6d3c52-5a39-4d0e-9a7e-000000000005', 'metro-sarsabz',     'METRO_STATION', 'ایستگاه مترو سرسبز',         'Sarsabz metro station',        8, 35.717700, 51.490700, 120),
('0b6d3c52-5a39-4d0e-9a7e-000000000006', 'metro-shademan',    'METRO_STATION', 'ایستگاه مترو شادمان',        'Shademan metro station',       9, 35.700600, 51.343300, 120),
('0b6d3c52-5a39-4d0e-9a7e-000000000007', 'metro-abdolabad',   'METRO_STATION', 'ایستگاه مترو عبدل‌آباد',      'Abdol Abad metro station',    19, 35.630600, 51.374200, 120),
('0b6d3c52-5a39-4d0e-9a7e-000000000008', 'metro-ashrafi',     'METRO_STATION', 'ایستگاه مترو اشرفی اصفهانی', 'Ashrafi Esfahani metro station', 5, 35.745400, 51.327200, 120),
('0b6d3c52-5a39-4d0e-9a7e-000000000009', 'metro-mirdamad',    'METRO_STATION', 'ایستگاه مترو میرداماد',      'Mirdamad metro station',       3, 35.760100, 51.434800, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000010', 'metro-mosalla',     'METRO_STATION', 'ایستگاه مترو مصلی امام خمینی', 'Mosalla Imam Khomeini metro station', 7, 35.741300, 51.432100, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000011', 'metro-zamzam',      'METRO_STATION', 'ایستگاه مترو زمزم',          'Zamzam metro station',        17, 35.659000, 51.386500, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000012', 'metro-sadeghieh',   'METRO_STATION', 'ایستگاه مترو صادقیه',        'Sadeghieh metro station',      5, 35.720700, 51.334900, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000013', 'metro-teatr-shahr', 'METRO_STATION', 'ایستگاه مترو تئاتر شهر',     'Teatr-e Shahr metro station', 11, 35.700900, 51.409700, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000014', 'metro-haftom-tir',  'METRO_STATION', 'ایستگاه مترو هفتم تیر',      'Haftom-e Tir metro station',   6, 35.715600, 51.426900, 110),
('0b6d3c52-5a39-4d0e-9a7e-000000000015', 'park-pardisan',     'PARK',          'بوستان پردیسان',             'Pardisan Park',                2, 35.744200, 51.361800, 212),
('0b6d3c52-5a39-4d0e-9a7e-000000000016', 'park-lavizan',      'PARK',          'بوستان جنگلی لویزان',        'Lavizan Forest Park',          4, 35.775700, 51.503600, 212),
('0b6d3c52-5a39-4d0e-9a7e-000000000017', 'park-district-9',   'PARK',          'بوستان الغدیر',              'Al-Ghadir Park',               9, 35.689500, 51.323900, 212),
('0b6d3c52-5a39-4d0e-9a7e-000000000018', 'park-velayat',      'PARK',          'بوستان ولایت',               'Velayat Park',                19, 35.626600, 51.371700, 212),
('0b6d3c52-5a39-4d0e-9a7e-000000000019', 'park-district-20',  'PARK',          'بوستان بانوان شهرری',        'Shahr-e Rey Women''s Park',    20, 35.596300, 51.434800, 212),
('0b6d3c52-5a39-4d0e-9a7e-000000000020', 'park-chitgar',      'PARK',          'بوستان جنگلی چیتگر',         'Chitgar Forest Park',         22, 35.736900, 51.207300, 212);
