#!/bin/sh
# Fails the deployment when the application does not answer.
curl --fail --silent --show-error --max-time 30 "${url}" > /dev/null
