<#
.SYNOPSIS
  Build KAMdesk's one-folder Windows bundle and smoke-test it.

.DESCRIPTION
  Run in PowerShell on a 64-bit Windows 10/11 machine with Python 3.11 or later
  (python.org installer, "py" launcher), from anywhere:

      powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

  1. builds the wheel from this checkout;
  2. installs it with PyInstaller (the 'packaging' extra) into a clean virtual
     environment, build\windows\venv (kept and reused by the next build);
  3. runs PyInstaller on packaging\windows\kamdesk.spec: build\windows\dist\kamdesk\
     with kamdesk.exe (the window) and kamdesk-cli.exe (the command line), both with
     the icon and the version resource (packaging\windows\version_info.txt);
  4. zips it: build\windows\kamdesk-<version>-windows-x64.zip;
  5. smoke-tests the bundle (skip with -NoSmoke): a demo store, an offer's PDF, a visit
     brief, and the window started offscreen (Russian menus, icons, style sheet).

  To install for a sales team, unzip the folder anywhere the KAM can read (for one user
  %LOCALAPPDATA%\Programs\KAMdesk, no administrator rights needed; for all users
  C:\Program Files\KAMdesk) and create a Start menu shortcut to kamdesk.exe.
  Stores, settings, logs and backups live in %LOCALAPPDATA%\KAMdesk, apart from the
  program, so replacing the folder with a newer build keeps them.
#>
param(
    [string]$Python = "py",
    [string[]]$PythonArgs = @("-3"),
    [switch]$NoSmoke
)
$ErrorActionPreference = "Stop"
$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Out = Join-Path $Repo "build\windows"
$Venv = Join-Path $Out "venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Started = Get-Date

function Invoke-Checked {
    param([string]$File, [string[]]$Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

Write-Host "== bundle: a clean build environment"
if (-not (Test-Path $VenvPython)) { Invoke-Checked $Python ($PythonArgs + @("-m", "venv", $Venv)) }

Write-Host "== bundle: the wheel"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Out "wheel"), `
    (Join-Path $Repo "build\lib")  # setuptools would ship a module deleted since the last build
Invoke-Checked $VenvPython @("-m", "pip", "install", "-qq", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "wheel", "-qq", "--no-deps", "-w", (Join-Path $Out "wheel"), $Repo)
$Wheel = (Get-ChildItem (Join-Path $Out "wheel\kamdesk-*.whl")).FullName
$Version = (Split-Path $Wheel -Leaf).Split("-")[1]
Invoke-Checked $VenvPython @("-m", "pip", "install", "-qq", "--force-reinstall", "--no-deps", $Wheel)
Invoke-Checked $VenvPython @("-m", "pip", "install", "-qq", "$Wheel[packaging]")

Write-Host "== bundle: PyInstaller"
Push-Location $Out  # not the checkout: kamdesk must come from the build environment
try {
    Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @(
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", (Join-Path $Out "dist"), "--workpath", (Join-Path $Out "work"),
        (Join-Path $Repo "packaging\windows\kamdesk.spec"))
} finally { Pop-Location }
$Bundle = Join-Path $Out "dist\kamdesk"
$Zip = Join-Path $Out "kamdesk-$Version-windows-x64.zip"
Compress-Archive -Path $Bundle -DestinationPath $Zip -Force
$Size = "{0:N0} MB" -f ((Get-ChildItem -Recurse $Bundle | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "== bundle: $Bundle ($Size), $Zip, in $([int]((Get-Date) - $Started).TotalSeconds) s"

if ($NoSmoke) { exit 0 }
Write-Host "== bundle: smoke"
$Cli = Join-Path $Bundle "kamdesk-cli.exe"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("kamdesk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
$env:KAMDESK_HOME = Join-Path $Work "home"
if (-not $env:KAMDESK_PASSPHRASE) { $env:KAMDESK_PASSPHRASE = "kamdesk-smoke" }
$env:QT_QPA_PLATFORM = "offscreen"
$env:PYTHONIOENCODING = "utf-8"
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # read «КП-…» back as printed
Push-Location $Work
try {
    Invoke-Checked $Cli @("--version")
    Invoke-Checked $Cli @("--db", "store.sqlite", "demo", "--accounts", "40", "--seed", "1")
    $Number = (& $Cli --db store.sqlite offer list --status sent | Select-String -Pattern "КП-\S+").Matches[0].Value
    Invoke-Checked $Cli @("--db", "store.sqlite", "offer", "pdf", $Number, "-o", "offer.pdf")
    $Visit = (& $Cli --db store.sqlite visit list | Select-String -Pattern "^[0-9a-f]{8}").Matches[0].Value
    Invoke-Checked $Cli @("--db", "store.sqlite", "visit", "brief", $Visit, "-o", "brief.pdf")
    foreach ($Pdf in "offer.pdf", "brief.pdf") {
        if (-not (Select-String -Path $Pdf -Pattern "PTSans" -Quiet)) { throw "$Pdf lacks PT Sans" }
    }
    $env:KAMDESK_SMOKE = "1"
    Invoke-Checked $Cli @("--db", "store.sqlite")
    Write-Host "== bundle: smoke ok"
} finally {
    Remove-Item Env:KAMDESK_SMOKE -ErrorAction SilentlyContinue
    Pop-Location
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $Work
}
