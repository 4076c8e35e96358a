@echo off
rem Lance vitalite installe par ce kit dans une console lisible (100 x 32). Mode portable :
rem un dossier donnees\ a cote de ce fichier recoit la base, les sauvegardes et les exports.
setlocal
chcp 65001 >nul
set "ICI=%~dp0"
if not exist "%ICI%env\Scripts\vitalite.exe" goto :noninstalle
mode con: cols=100 lines=32 >nul 2>&1
if exist "%ICI%donnees\" (
  set "VITALITE_HOME=%ICI%donnees"
  cd /d "%ICI%donnees"
)
"%ICI%env\Scripts\vitalite.exe" %*
exit /b %errorlevel%
:noninstalle
echo vitalite n'est pas encore installé sur ce poste : lancez d'abord installer.bat
pause
exit /b 1
