alter table a drop;
