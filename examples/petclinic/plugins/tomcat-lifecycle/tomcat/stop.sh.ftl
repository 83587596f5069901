#!/bin/sh
"${server.home}/${server.stopCommand}"
