#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 supports 3.8-3.10; we pin 3.10).
# Looks on PATH first, then under pyenv. Exits 1 with a message naming what to install.
set -euo pipefail

is_310() { "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

for candidate in "${SIGNPOST_PYTHON:-}" python3.10 python3 python; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

pyenv_root=${PYENV_ROOT:-}
if [ -z "$pyenv_root" ] && command -v pyenv >/dev/null 2>&1; then pyenv_root=$(pyenv root); fi
[ -n "$pyenv_root" ] || pyenv_root="$HOME/.pyenv"
for path in "$pyenv_root"/versions/3.10*/bin/python3.10; do
  if [ -x "$path" ] && is_310 "$path"; then echo "$path"; exit 0; fi
done

cat >&2 <<'MSG'
Signpost needs Python 3.10 (Rasa 3.6 does not run on 3.11 or newer), and none was found
on PATH or under pyenv. Install one of:
  - Debian/Ubuntu:  sudo apt-get install python3.10 python3.10-venv
  - pyenv:          pyenv install 3.10.13
  - macOS:          brew install python@3.10
or point SIGNPOST_PYTHON at an existing python3.10, then run the command again.
MSG
exit 1
