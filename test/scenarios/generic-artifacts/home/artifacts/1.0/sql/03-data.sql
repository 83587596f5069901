insert into a;
