; Inno Setup script: the Windows installer for Caseplan, made from the PyInstaller folder.
;
; Build on Windows 10/11 (see packaging/README.md):
;   py -3.11 -m venv .venv
;   .venv\Scripts\pip install -e ".[dist]"
;   .venv\Scripts\python tools\collect_licences.py
;   .venv\Scripts\pyinstaller packaging\caseplan.spec --noconfirm --clean --distpath dist --workpath build\pyinstaller
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\caseplan.iss
; The installer is written to dist\Caseplan-<version>-setup.exe. Sign it before handing it out.

#define AppName "Caseplan"
#define AppVersion "0.1.0"
#define AppPublisher "Caseplan contributors"
#define AppURL "https://caseplan.example.org/"

[Setup]
; The AppId identifies the program for upgrades and uninstalling: never change it.
AppId={{B4B278FE-4FD9-4E6F-BEEA-09D1ECC6CE28}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=Caseplan-{#AppVersion}-setup
SetupIconFile=caseplan.ico
UninstallDisplayIcon={app}\Caseplan.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per machine by default; an ordinary user may choose to install for themselves only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\caseplan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\Caseplan.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Caseplan.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Caseplan.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The clinic's database, key file and backups live in the user's data folder
; (%LOCALAPPDATA%\Caseplan): uninstalling never removes them.
