; intake-desktop - Windows installer (Inno Setup 6.6 or newer: it ships Languages\Korean.isl,
; and [Code] uses the CreateCustomForm of 6.6).
;
; Built by installer\build_windows.ps1, which passes the version and the paths:
;   ISCC.exe /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 /DSourceDir=..\..\build\dist\intake-desktop ^
;            /DIconFile=..\..\build\prepared\icons\intake-desktop.ico /DOutputDir=..\..\dist intake-desktop.iss
; The version comes from src\intake_desktop\__init__.py (__version__) only.
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\intake-desktop.
; Records are in %LOCALAPPDATA%\intake-desktop (platformdirs' user_data_dir for "intake-desktop",
; appauthor=False, roaming=False, which is also where settings.ini lives), never in the program
; folder: installing a new version over an old one (same AppId) keeps them, and uninstalling
; keeps them unless the user ticks the removal box and confirms.
; This file is UTF-8 with a byte-order mark, as Inno Setup needs for the Korean text.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (installer\build_windows.ps1 does)
#endif
#ifndef FileVersion
  #define FileVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\intake-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\prepared\icons\intake-desktop.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "intake-desktop"
#define AppExe "intake-desktop.exe"
#define DataDirName "intake-desktop"

[Setup]
; Never change AppId: it is how a new version finds the old one and installs over it.
AppId={{6F1C2B9E-4A57-4C1B-9D0E-2B7A41C8E3D5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Seoul Youth Gijigae Center partnership
AppCopyright=Seoul Youth Gijigae Center partnership
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
UsePreviousAppDir=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
korean.ShortcutName=초기상담 기록 (intake-desktop)
english.ShortcutName=intake-desktop
korean.ShortcutComment=고립·은둔 청년 상담사를 위한 오프라인 암호화 초기상담·연계 기록
english.ShortcutComment=Offline, encrypted intake and referral records for youth counsellors
korean.CliShortcutName=intake-desktop 명령줄 (관리자용)
english.CliShortcutName=intake-desktop command line (administrators)
korean.RemoveDataTitle=기록도 삭제할까요?
english.RemoveDataTitle=Delete the records too?
korean.RemoveDataIntro=프로그램을 제거합니다. 상담 기록(보관함)과 설정은 기본적으로 이 PC에 그대로 남으며, 다시 설치하면 이어서 쓸 수 있습니다.%n%n기록 폴더: %1
english.RemoveDataIntro=The program will be removed. The records (the vault) and settings stay on this PC unless you choose otherwise, and a new installation picks them up again.%n%nRecords folder: %1
korean.RemoveDataCheck=이 PC의 모든 상담 기록과 설정도 삭제합니다
english.RemoveDataCheck=Also delete all records and settings on this PC
korean.RemoveDataWarning=경고: 삭제한 기록은 되돌릴 수 없습니다. 다른 곳에 저장한 백업 파일은 지워지지 않습니다. 기록을 다른 PC로 옮기려면 먼저 백업을 만드세요.
english.RemoveDataWarning=Warning: deleted records cannot be recovered. Backup files saved elsewhere are not deleted. To move the records to another PC, make a backup first.
korean.RemoveDataConfirm=정말로 이 PC의 모든 상담 기록을 영구히 삭제할까요?%n%n%1%n%n삭제한 기록은 되돌릴 수 없습니다.
english.RemoveDataConfirm=Really delete every record on this PC for good?%n%n%1%n%nDeleted records cannot be recovered.
korean.RemoveDataFailed=기록 폴더를 모두 지우지 못했습니다. 프로그램이 실행 중이 아닌지 확인한 뒤 직접 지우세요:%n%1
english.RemoveDataFailed=The records folder could not be deleted completely. Make sure the program is not running, then delete it yourself:%n%1
korean.ContinueButton=계속
english.ContinueButton=Continue
korean.CancelButton=취소
english.CancelButton=Cancel

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of the old version is left behind (the records
; are not here: see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
; The command line for administrators: a console in the program folder, showing the help.
Name: "{autoprograms}\{cm:CliShortcutName}"; Filename: "{cmd}"; Parameters: "/k intake-desktop-cli.exe --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program may have written into its own folder (e.g. Python byte code).
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
var
  RemoveData: Boolean;

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

{ Uninstall: a small window with an unticked box. Only if the box is ticked, and a second
  question (default answer No) is answered Yes, are the records deleted. A silent uninstall
  never deletes them. Returns False when the user cancels the uninstall.
  CreateCustomForm takes its size since Inno Setup 6.6 and scales it itself. }
function AskRemoveData(var Remove: Boolean): Boolean;
var
  Form: TSetupForm;
  Intro, Warning: TNewStaticText;
  Check: TNewCheckBox;
  ContinueButton, CancelButton: TNewButton;
  Margin, ButtonWidth, ButtonHeight: Integer;
begin
  Remove := False;
  Form := CreateCustomForm(460, 250, True, True);
  try
    Form.Caption := CustomMessage('RemoveDataTitle');
    Margin := ScaleX(16);
    ButtonWidth := ScaleX(96);
    ButtonHeight := ScaleY(26);

    Intro := TNewStaticText.Create(Form);
    Intro.Parent := Form;
    Intro.AutoSize := False;
    Intro.WordWrap := True;
    Intro.Left := Margin;
    Intro.Top := ScaleY(16);
    Intro.Width := Form.ClientWidth - 2 * Margin;
    Intro.Height := ScaleY(72);
    Intro.Caption := FmtMessage(CustomMessage('RemoveDataIntro'), [DataDir()]);

    Check := TNewCheckBox.Create(Form);
    Check.Parent := Form;
    Check.Left := Margin;
    Check.Top := Intro.Top + Intro.Height + ScaleY(8);
    Check.Width := Form.ClientWidth - 2 * Margin;
    Check.Height := ScaleY(20);
    Check.Caption := CustomMessage('RemoveDataCheck');
    Check.Checked := False;

    Warning := TNewStaticText.Create(Form);
    Warning.Parent := Form;
    Warning.AutoSize := False;
    Warning.WordWrap := True;
    Warning.Left := Margin;
    Warning.Top := Check.Top + Check.Height + ScaleY(8);
    Warning.Width := Form.ClientWidth - 2 * Margin;
    Warning.Height := ScaleY(48);
    Warning.Font.Style := [fsBold];
    Warning.Font.Color := clRed;
    Warning.Caption := CustomMessage('RemoveDataWarning');

    ContinueButton := TNewButton.Create(Form);
    ContinueButton.Parent := Form;
    ContinueButton.Width := ButtonWidth;
    ContinueButton.Height := ButtonHeight;
    ContinueButton.Left := Form.ClientWidth - 2 * ButtonWidth - Margin - ScaleX(8);
    ContinueButton.Top := Form.ClientHeight - ButtonHeight - ScaleY(12);
    ContinueButton.Caption := CustomMessage('ContinueButton');
    ContinueButton.ModalResult := mrOk;
    ContinueButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ButtonWidth;
    CancelButton.Height := ButtonHeight;
    CancelButton.Left := Form.ClientWidth - ButtonWidth - Margin;
    CancelButton.Top := ContinueButton.Top;
    CancelButton.Caption := CustomMessage('CancelButton');
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := ContinueButton;
    Result := Form.ShowModal() = mrOk;
    if Result and Check.Checked then
      Remove := MsgBox(FmtMessage(CustomMessage('RemoveDataConfirm'), [DataDir()]),
                       mbCriticalError, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  RemoveData := False;
  Result := True;
  if (not UninstallSilent()) and DirExists(DataDir()) then
    Result := AskRemoveData(RemoveData);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
  begin
    Log('Deleting the records folder at the user''s request: ' + DataDir());
    if not DelTree(DataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir()]), mbError, MB_OK);
  end;
end;
