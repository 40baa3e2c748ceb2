-- One database per service (each service owns its data) and one for Keycloak.
CREATE DATABASE household;
CREATE DATABASE welfare;
CREATE DATABASE performance;
CREATE DATABASE reporting;
CREATE DATABASE keycloak;
