create index i2;
