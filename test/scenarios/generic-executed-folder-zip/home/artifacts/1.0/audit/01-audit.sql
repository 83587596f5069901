create table audit_log (id int);
