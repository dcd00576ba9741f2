#!/usr/bin/env bash
# Runs one helper service and starts it again whenever it exits, so a crashed action
# server, directory API or web page never takes the others down (honcho stops every
# process when any one ends). Ctrl-C still stops it all: honcho signals the whole
# process group. The commands live here, not in the Procfile, so that this wrapper's
# own command line never matches `pkill -f rasa_sdk` and the like.
#   scripts/keep-running.sh actions|directory|web
set -u
case "${1:-}" in
  actions)   command=(env SANIC_HOST=127.0.0.1 .venv/bin/python -m rasa_sdk --actions actions
                      --port "${ACTIONS_PORT:-5055}") ;;
  directory) command=(.venv/bin/python -m services_directory serve --port "${DIRECTORY_PORT:-8090}") ;;
  web)       command=(.venv/bin/python -m bot.web --port "${WEB_PORT:-8080}") ;;
  *) echo "usage: $0 actions|directory|web" >&2; exit 2 ;;
esac
delay=${RESTART_DELAY_SECONDS:-3}
while true; do
  "${command[@]}"
  echo "$1 stopped (exit status $?); starting it again in $delay s" >&2
  sleep "$delay"
done
