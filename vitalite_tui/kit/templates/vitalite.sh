#!/bin/sh
# Lance vitalite installé par ce kit. Mode portable : un dossier donnees/ à côté de ce
# fichier reçoit la base, les sauvegardes et les exports (la clé USB emporte la démarche).
ICI="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$ICI/env/bin/vitalite" ]; then
  echo "vitalite n'est pas encore installé sur ce poste : lancez d'abord ./installer.sh"
  exit 1
fi
if [ -d "$ICI/donnees" ]; then
  export VITALITE_HOME="$ICI/donnees"
  cd "$ICI/donnees" || exit 1
fi
exec "$ICI/env/bin/vitalite" "$@"
