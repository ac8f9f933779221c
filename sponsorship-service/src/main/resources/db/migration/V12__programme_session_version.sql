-- A session's attendance is updated with If-Match: its version is the ETag the client read, counted up by
-- every attendance update (ProgrammeService.recordAttendance) so that a stale update is a 412.
alter table programme_session add column version bigint not null default 0;
