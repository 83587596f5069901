#!/bin/sh
"${server.home}/${server.startCommand}"
