CREATE TABLE visits (id SERIAL PRIMARY KEY, pet_id INTEGER REFERENCES pets (id), visit_date DATE, description VARCHAR(255));
