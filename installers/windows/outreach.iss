; Inno Setup 6 script of the Windows installer of the desktop program.
;
; Packs the PyInstaller folder made by installers/pyinstaller/outreach.spec
; (build\pyinstaller\dist\outreach-app\) into build\installers\outreach-app-<version>-setup.exe.
; Built by installers\windows\build.ps1, which passes the version from the package
; metadata:
;
;   iscc /DAppVersion=0.1.0 installers\windows\outreach.iss
;
; What it does:
;   - installs for the current user only, without administrator rights
;     (PrivilegesRequired=lowest), into %LOCALAPPDATA%\Programs\Outreach;
;   - a Start-menu shortcut "Outreach" (and, if chosen, one on the desktop);
;   - an entry under Apps & features to uninstall it;
;   - an upgrade (the same AppId, a newer version) replaces the program folder and
;     nothing else.
;
; PROFILES AND VAULTS ARE NEVER IN THE INSTALL FOLDER. Each consultant's profiles,
; vaults, backups, settings and log live in the per-user data folder that the program
; finds with platformdirs: %LOCALAPPDATA%\outreach-app\ (profiles\<profile>\vault.sqlite3,
; settings.ini, logs\), or wherever OUTREACH_HOME points. That folder is not named anywhere
; in this script: installing, upgrading, repairing and uninstalling never create, change
; or delete it. Removing a consultant's data is a deliberate act of IT, never of setup.
; Keep it that way: no [UninstallDelete] or [InstallDelete] entry may point outside {app}.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z outreach.iss (build.ps1 does)
#endif

#define AppName "Outreach"
#define AppExe "outreach-app.exe"
#define AppCli "outreach-app-cli.exe"
#define Repo "..\.."
#define Dist Repo + "\build\pyinstaller\dist\outreach-app"
#ifdef SignTool
  #define SignFlag " sign"
#else
  #define SignFlag ""
#endif

[Setup]
; The AppId identifies the program to Windows across versions: never change it, or an
; upgrade becomes a second installation beside the first.
AppId={{B86D02F3-7F6E-417F-A92B-E51775213A0A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Outreach
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} setup
; Per user, no administrator rights, no elevation prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
UsePreviousAppDir=yes
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running Outreach is asked to close before its files are replaced (every change is
; already saved in the vault), and is not restarted by setup.
CloseApplications=yes
RestartApplications=no
SetupIconFile={#Repo}\resources\icons\outreach-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Repo}\build\installers
OutputBaseFilename=outreach-app-{#AppVersion}-setup
; Signing (optional, build.ps1 -Sign): iscc "/Ssigntool=signtool.exe sign ... $f"
; /DSignTool=signtool signs setup, the uninstaller and both programs.
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "da"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade first removes the previous version's program files, so no module of the old
; version is left beside the new one. Only inside the install folder {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller folder: outreach-app.exe (windowed), outreach-app-cli.exe
; (console, for IT's scripts: check, sync, init --code ...) and _internal\.
Source: "{#Dist}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion{#SignFlag}
Source: "{#Dist}\{#AppCli}"; DestDir: "{app}"; Flags: ignoreversion{#SignFlag}
Source: "{#Dist}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Sagsarbejde for jobkonsulenter"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: the uninstaller removes exactly the files setup installed
; (the program folder) and leaves %LOCALAPPDATA%\outreach-app\ - every profile and vault -
; where it is.
