@REM Maven wrapper for Windows: unpacks the Maven release kept in .mvn\wrapper and runs it.
@echo off
setlocal
set MAVEN_VERSION=3.9.11
set MAVEN_SHA256=4b7195b6a4f5c81af4c0212677a32ee8143643401bc6e1e8412e6b06ea82beac
set PROJECT_DIR=%~dp0
if "%MAVEN_USER_HOME%"=="" set MAVEN_USER_HOME=%USERPROFILE%\.m2
set MAVEN_HOME_DIR=%MAVEN_USER_HOME%\wrapper\dists\apache-maven-%MAVEN_VERSION%-%MAVEN_SHA256%
if exist "%MAVEN_HOME_DIR%\bin\mvn.cmd" goto run
mkdir "%MAVEN_HOME_DIR%.tmp" 2>NUL
tar -xzf "%PROJECT_DIR%.mvn\wrapper\apache-maven-%MAVEN_VERSION%-bin.tar.gz" -C "%MAVEN_HOME_DIR%.tmp" || exit /b 1
move "%MAVEN_HOME_DIR%.tmp\apache-maven-%MAVEN_VERSION%" "%MAVEN_HOME_DIR%" >NUL
rmdir /s /q "%MAVEN_HOME_DIR%.tmp"
:run
set MAVEN_PROJECTBASEDIR=%PROJECT_DIR%
"%MAVEN_HOME_DIR%\bin\mvn.cmd" %*
