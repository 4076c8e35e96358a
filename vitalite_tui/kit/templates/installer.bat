@echo off
rem Installe vitalite depuis ce kit, sans reseau : un environnement Python dans env\.
setlocal
chcp 65001 >nul
set "ICI=%~dp0"
rem Aucune configuration pip du poste : tout vient du dossier wheels\ du kit.
set "PIP_CONFIG_FILE=nul"
set "PIP_NO_INDEX=1"
set "PIP_FIND_LINKS="
set "PIP_INDEX_URL="
set "PIP_EXTRA_INDEX_URL="
set "PIP_CONSTRAINT="
set "PY=python"
where py >nul 2>&1 && set "PY=py -3"
%PY% -c "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)" >nul 2>&1 || goto :sanspython
echo Création de l'environnement dans "%ICI%env"…
%PY% -m venv --clear "%ICI%env" || goto :echec
"%ICI%env\Scripts\python.exe" -m pip install --quiet --no-index --find-links "%ICI%wheels" "vitalite-tui==@VERSION@" || goto :echec
"%ICI%env\Scripts\vitalite.exe" --version
echo Installation terminée : lancez vitalite.bat
pause
exit /b 0
:sanspython
echo Python 3.10 ou plus récent est introuvable : installez-le (python.org, cochez « Add python.exe to PATH »), puis relancez installer.bat.
pause
exit /b 1
:echec
echo L'installation a échoué : notez le message ci-dessus et appelez le technicien ; rien n'a été modifié en dehors du dossier env.
pause
exit /b 1
