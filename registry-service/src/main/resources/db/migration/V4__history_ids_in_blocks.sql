-- History ids are drawn 50 at a time, so bulk writes can batch their inserts.
alter sequence beneficiary_history_id_seq increment by 50;
