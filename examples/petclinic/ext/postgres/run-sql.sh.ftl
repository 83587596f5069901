#!/bin/sh
# Runs one migration script of the folder artifact (uploaded next to this script) with psql.
set -e
psql --set ON_ERROR_STOP=1 --dbname "${deployed.container.databaseName}" --file "${scriptFile}"
