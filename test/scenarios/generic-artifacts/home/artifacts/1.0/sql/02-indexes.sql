create index i;
