<#
.SYNOPSIS
  Build intake-desktop for Windows: the PyInstaller one-folder bundle, then the Inno Setup installer
  dist\intake-desktop-<version>-windows-x64-setup.exe.

.DESCRIPTION
  Run from a PowerShell prompt in the repository (no administrator rights needed):

      powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1 [-Smoke] [-Clean]

  Needs: Python 3.11+ (x64, from python.org, "py" launcher or python.exe on PATH) and
  Inno Setup 6.6 or newer (ISCC.exe; found on PATH, in Program Files or in
  %LOCALAPPDATA%\Programs\Inno Setup 6, or given with -Iscc). Network: PyPI only.

  Steps: a venv in build\venv-win (pip install .[build]); installer\prepare_build.py (icons,
  .ico, Windows version resource; no font: letters use Malgun Gothic from Windows, which is not
  redistributed); PyInstaller with installer\intake-desktop.spec (the same spec as Linux; on
  Windows it makes intake-desktop.exe, the window, and intake-desktop-cli.exe, the command line);
  then ISCC with /DAppVersion from src\intake_desktop\__init__.py.

  -Smoke runs the frozen command line once the bundle is built: --version, init, demo --cases 50,
  cases --json, backup create + verify, audit verify, in a temporary folder (INTAKE_DATA_DIR); then
  starts intake-desktop.exe (login window on that vault) and checks it is still running after 8 s.
#>
param(
    [switch]$Smoke,
    [switch]$Clean,
    [string]$Python = "",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Say([string]$Text) { Write-Host "[build] $Text" }
function Run([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') exited $LASTEXITCODE" }
}

# -- Python and the build venv ---------------------------------------------------------------
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py"; $PyArgs = @("-3") }
    else { $Python = "python"; $PyArgs = @() }
} else { $PyArgs = @() }
$Venv = Join-Path $Root "build\venv-win"
if ($Clean -and (Test-Path $Venv)) { Remove-Item -Recurse -Force $Venv }
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    Say "creating $Venv"
    Run $Python ($PyArgs + @("-m", "venv", $Venv))
}
$VPy = "$Venv\Scripts\python.exe"
# A 32-bit or too old Python builds a bundle that fails on the counsellors' 64-bit PCs: refuse early.
$PyCheck = & $VPy -c "import struct, sys; print(sys.version_info >= (3, 11) and struct.calcsize('P') == 8)"
if ($PyCheck.Trim() -ne "True") { throw "Python 3.11+ x64 is needed (found: $(& $VPy -c 'import sys; print(sys.version)'))" }
Say "installing .[build] into the build venv"
Run $VPy @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $VPy @("-m", "pip", "install", "-q", "$Root[build]")

$Version = (& $VPy installer\bundle_config.py --version).Trim()
$FileVersion = (& $VPy installer\bundle_config.py --windows-version).Trim()
Say "intake-desktop $Version (file version $FileVersion)"

# -- icons, version resource -------------------------------------------------------------------
Run $VPy @("installer\prepare_build.py", "--out", "build\prepared", "--fonts", "none")

# -- PyInstaller -------------------------------------------------------------------------------
if (Test-Path "build\dist") { Remove-Item -Recurse -Force "build\dist" }
$env:INTAKE_ICON_ICO = Join-Path $Root "build\prepared\icons\intake-desktop.ico"
$env:INTAKE_VERSION_FILE = Join-Path $Root "build\prepared\version_info.txt"
Remove-Item Env:\INTAKE_BUNDLE_FONT_DIR -ErrorAction SilentlyContinue
Say "running PyInstaller (log: build\pyinstaller.log)"
# PyInstaller logs on stderr; Windows PowerShell 5.1 would turn each redirected stderr line into
# an error and stop, so errors are judged by the exit code alone here.
$ErrorActionPreference = "Continue"
& $VPy -m PyInstaller --noconfirm --log-level WARN --distpath build\dist --workpath build\pyinstaller `
    installer\intake-desktop.spec 2>&1 | Out-File -FilePath build\pyinstaller.log -Encoding utf8
$PyiExit = $LASTEXITCODE
$ErrorActionPreference = "Stop"
if ($PyiExit -ne 0) { Get-Content build\pyinstaller.log -Tail 40; throw "PyInstaller failed" }
$Bundle = Join-Path $Root "build\dist\intake-desktop"
$Unpacked = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Property Length -Sum).Sum
Say ("bundle: {0:N1} MB unpacked in {1}" -f ($Unpacked / 1e6), $Bundle)

# -- smoke test of the frozen command line --------------------------------------------------------
if ($Smoke) {
    $Work = Join-Path ([System.IO.Path]::GetTempPath()) ("intake-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory $Work | Out-Null
    $env:INTAKE_DATA_DIR = Join-Path $Work "data"
    $env:INTAKE_PASSPHRASE = "smoke test passphrase 1"
    $Cli = Join-Path $Bundle "intake-desktop-cli.exe"
    try {
        $Got = (& $Cli --version).Trim()
        if ($Got -ne "intake-desktop $Version") { throw "--version printed '$Got'" }
        Run $Cli @("init", "--centre-name", "스모크 시험 센터", "--admin", "admin")
        Run $Cli @("demo", "--cases", "50")
        $Cases = @(& $Cli cases --user admin --json)
        if ($Cases.Count -ne 50) { throw "cases --json listed $($Cases.Count) cases" }
        New-Item -ItemType Directory (Join-Path $Work "backups") | Out-Null
        Run $Cli @("backup", "create", "--user", "admin", "--out", (Join-Path $Work "backups"))
        $Backup = (Get-ChildItem (Join-Path $Work "backups") -File | Select-Object -First 1).FullName
        Run $Cli @("backup", "verify", "--user", "admin", $Backup)
        Run $Cli @("audit", "verify")
        # The window program: it must start (Qt's windows plugin loads) and still run after 8 s.
        $Gui = Start-Process -FilePath (Join-Path $Bundle "intake-desktop.exe") -PassThru
        Start-Sleep -Seconds 8
        if ($Gui.HasExited) { throw "intake-desktop.exe closed by itself (exit $($Gui.ExitCode))" }
        Stop-Process -Id $Gui.Id
        Say "smoke test passed"
    } finally {
        Remove-Item Env:\INTAKE_DATA_DIR, Env:\INTAKE_PASSPHRASE -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }
}

# -- Inno Setup --------------------------------------------------------------------------------
if (-not $Iscc) {
    $Candidates = @(
        (Get-Command ISCC.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) }
    if (-not $Candidates) { throw "ISCC.exe (Inno Setup 6.6+) not found: install it or pass -Iscc C:\path\ISCC.exe" }
    $Iscc = @($Candidates)[0]
}
New-Item -ItemType Directory -Force dist | Out-Null
Say "running Inno Setup: $Iscc"
Run $Iscc @(
    "/Q",
    "/DAppVersion=$Version",
    "/DFileVersion=$FileVersion",
    "/DSourceDir=$Bundle",
    "/DIconFile=$env:INTAKE_ICON_ICO",
    "/DOutputDir=$(Join-Path $Root 'dist')",
    "installer\windows\intake-desktop.iss"
)
$Setup = Join-Path $Root "dist\intake-desktop-$Version-windows-x64-setup.exe"
Say ("installer: {0} ({1:N1} MB)" -f $Setup, ((Get-Item $Setup).Length / 1e6))
