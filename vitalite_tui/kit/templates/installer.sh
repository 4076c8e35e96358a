#!/bin/sh
# Installe vitalite depuis ce kit, sans réseau : un environnement Python dans env/.
set -u
ICI="$(cd "$(dirname "$0")" && pwd)"
# Aucune configuration pip du poste : tout vient du dossier wheels/ du kit.
export PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONSTRAINT 2>/dev/null || true
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidat in python3 python; do
    if command -v "$candidat" >/dev/null 2>&1; then PY="$candidat"; break; fi
  done
fi
if [ -z "$PY" ] || ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "Python 3.10 ou plus récent est introuvable : installez-le (paquet python3 et python3-venv), puis relancez installer.sh."
  exit 1
fi
echo "Création de l'environnement dans $ICI/env…"
if ! "$PY" -m venv --clear "$ICI/env"; then
  echo "L'environnement n'a pas pu être créé (paquet python3-venv manquant ?) : rien d'autre n'a été modifié."
  exit 1
fi
if ! "$ICI/env/bin/python" -m pip install --quiet --no-index --find-links "$ICI/wheels" "vitalite-tui==@VERSION@"; then
  echo "L'installation a échoué : notez le message ci-dessus et appelez le technicien ; rien n'a été modifié en dehors du dossier env."
  exit 1
fi
"$ICI/env/bin/vitalite" --version
echo "Installation terminée : lancez ./vitalite.sh"
