delete from a;
