alter table a;
