# Builds the Windows installer: build\installers\outreach-app-<version>-setup.exe.
#
# Needs, on a Windows 10/11 x64 build machine: Python 3.11 (python.org, "py" launcher)
# and Inno Setup 6 (iscc.exe on PATH or in its default folder). Optionally a code-signing
# certificate for signtool (-Sign).
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Sign]
#
# This cannot be run in the project's Linux CI; the same spec is built and tested there
# for Linux (make installer-linux, tests/installers).
param([switch]$Sign)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e ".[dev,build]"

# Compiled translations (the Makefile's $(QM) rule).
foreach ($lang in "en", "da") {
    .venv\Scripts\pyside6-lrelease -silent "resources\translations\outreach_$lang.ts" -qm "resources\translations\outreach_$lang.qm"
}

$version = .venv\Scripts\python -c "from importlib.metadata import version; print(version('outreach-app'))"
Remove-Item -Recurse -Force build\pyinstaller\dist\outreach-app -ErrorAction SilentlyContinue
.venv\Scripts\pyinstaller --noconfirm --clean --distpath build\pyinstaller\dist `
    --workpath build\pyinstaller\work installers\pyinstaller\outreach.spec

# The frozen program must start and find its resources before it is packed.
& build\pyinstaller\dist\outreach-app\outreach-app-cli.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "the frozen program's self-test failed" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
$arguments = @("/DAppVersion=$version")
if ($Sign) {
    # signtool picks the certificate from the store (/a); add /sha1 THUMBPRINT to choose one.
    $arguments += '/Ssigntool=signtool.exe sign /fd sha256 /td sha256 /tr http://timestamp.digicert.com /a $f'
    $arguments += "/DSignTool=signtool"
}
& $iscc @arguments installers\windows\outreach.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "build\installers\outreach-app-$version-setup.exe"
