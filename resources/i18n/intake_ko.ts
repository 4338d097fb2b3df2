<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>Cli</name>
    <message>
        <source>Intake and referral records for youth counsellors.</source>
        <translation>청년 상담사를 위한 접수·의뢰 기록 프로그램입니다.</translation>
    </message>
    <message>
        <source>data folder (default: the user data folder, or INTAKE_DATA_DIR)</source>
        <translation>데이터 폴더 (기본값: 사용자 데이터 폴더 또는 INTAKE_DATA_DIR)</translation>
    </message>
    <message>
        <source>language of messages (default: Korean)</source>
        <translation>메시지 언어 (기본값: 한국어)</translation>
    </message>
    <message>
        <source>show technical details of failures</source>
        <translation>실패했을 때 기술적인 세부 정보를 표시</translation>
    </message>
    <message>
        <source>Interrupted; nothing was changed.</source>
        <translation>중단되었습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}). Run again with --debug for details.</source>
        <translation>예상하지 못한 오류입니다 ({kind}). 자세한 내용은 --debug 옵션을 붙여 다시 실행하세요.</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD).</source>
        <translation>{value}은(는) 날짜가 아닙니다 (YYYY-MM-DD 형식).</translation>
    </message>
    <message>
        <source>check or export the access log</source>
        <translation>접근 기록 확인 또는 내보내기</translation>
    </message>
    <message>
        <source>check the access log&apos;s chain</source>
        <translation>접근 기록의 연결(체인) 확인</translation>
    </message>
    <message>
        <source>account to unlock with (default: the first administrator)</source>
        <translation>잠금 해제에 사용할 계정 (기본값: 첫 번째 관리자)</translation>
    </message>
    <message>
        <source>export the access log as CSV</source>
        <translation>접근 기록을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>export everything held about one person</source>
        <translation>한 사람에 대해 보관 중인 모든 정보 내보내기</translation>
    </message>
    <message>
        <source>destroy a case&apos;s content for good</source>
        <translation>사례 내용을 영구 파기</translation>
    </message>
    <message>
        <source>event {seq}</source>
        <translation>{seq}번 기록</translation>
    </message>
    <message>
        <source>end of log</source>
        <translation>기록 끝</translation>
    </message>
    <message>
        <source>The access log has been changed: {count} problem(s).</source>
        <translation>접근 기록이 변경되었습니다: 문제 {count}건.</translation>
    </message>
    <message>
        <source>The access log is intact.</source>
        <translation>접근 기록에 이상이 없습니다.</translation>
    </message>
    <message>
        <source>{count} event(s) written to {path}.</source>
        <translation>기록 {count}건을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Case {number} was destroyed; a destruction record was kept.</source>
        <translation>사례 {number}을(를) 파기했습니다. 파기 기록은 남겨 두었습니다.</translation>
    </message>
    <message>
        <source>unrecognized arguments (not shown: they may contain a passphrase)</source>
        <translation>알 수 없는 인수가 있습니다 (비밀번호가 들어 있을 수 있어 표시하지 않습니다)</translation>
    </message>
    <message>
        <source>read the passphrase from this file</source>
        <translation>이 파일에서 비밀번호 읽기</translation>
    </message>
    <message>
        <source>unlock with the recovery key in this file</source>
        <translation>이 파일에 있는 복구 키로 잠금 해제</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>비밀번호: </translation>
    </message>
    <message>
        <source>Passphrase again: </source>
        <translation>비밀번호 확인: </translation>
    </message>
    <message>
        <source>start the application window (default)</source>
        <translation>프로그램 창 열기 (기본값)</translation>
    </message>
    <message>
        <source>create a new vault</source>
        <translation>새 보관함 만들기</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>계정 관리</translation>
    </message>
    <message>
        <source>add an account</source>
        <translation>계정 추가</translation>
    </message>
    <message>
        <source>the new account&apos;s passphrase</source>
        <translation>새 계정의 비밀번호</translation>
    </message>
    <message>
        <source>import people and intakes from JSON Lines</source>
        <translation>JSON Lines 파일에서 대상자와 접수 기록 가져오기</translation>
    </message>
    <message>
        <source>print one valid example record</source>
        <translation>올바른 예시 기록 하나 출력</translation>
    </message>
    <message>
        <source>list cases</source>
        <translation>사례 목록</translation>
    </message>
    <message>
        <source>fill a new vault with fictional cases</source>
        <translation>새 보관함에 가상 사례 채우기</translation>
    </message>
    <message>
        <source>administrator to act as (default: the first one)</source>
        <translation>작업할 관리자 계정 (기본값: 첫 번째 관리자)</translation>
    </message>
    <message>
        <source>Vault created in {path}.</source>
        <translation>{path}에 보관함을 만들었습니다.</translation>
    </message>
    <message>
        <source>RECOVERY KEY - shown only this once. Print it or write it down and lock it away:</source>
        <translation>복구 키 - 지금 한 번만 표시됩니다. 인쇄하거나 적어서 잠긴 곳에 보관하세요:</translation>
    </message>
    <message>
        <source>Anyone with this key can open the vault. Without it, a forgotten passphrase cannot be reset.</source>
        <translation>이 키가 있으면 누구나 보관함을 열 수 있습니다. 이 키가 없으면 잊어버린 비밀번호를 다시 설정할 수 없습니다.</translation>
    </message>
    <message>
        <source>New account&apos;s passphrase: </source>
        <translation>새 계정의 비밀번호: </translation>
    </message>
    <message>
        <source>New account&apos;s passphrase again: </source>
        <translation>새 계정의 비밀번호 확인: </translation>
    </message>
    <message>
        <source>Account {username} added.</source>
        <translation>계정 {username}을(를) 추가했습니다.</translation>
    </message>
    <message>
        <source>import needs FILE and --user (or --template).</source>
        <translation>import에는 FILE과 --user가 필요합니다 (또는 --template).</translation>
    </message>
    <message>
        <source>line {line}{field}: {message}</source>
        <translation>{line}번째 줄{field}: {message}</translation>
    </message>
    <message>
        <source>{count} record(s) are valid; nothing was imported (dry run).</source>
        <translation>기록 {count}건이 올바릅니다. 시험 실행이므로 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>{count} record(s) imported.</source>
        <translation>기록 {count}건을 가져왔습니다.</translation>
    </message>
    <message>
        <source>--cases must be at least 1.</source>
        <translation>--cases는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{count} demo case(s) added.</source>
        <translation>예시 사례 {count}건을 추가했습니다.</translation>
    </message>
    <message>
        <source>make, check and restore encrypted backups</source>
        <translation>암호화된 백업 만들기, 확인, 복원</translation>
    </message>
    <message>
        <source>write an encrypted backup of the vault</source>
        <translation>보관함의 암호화된 백업 저장</translation>
    </message>
    <message>
        <source>a new file (an existing one is never replaced), or a folder: the backup is then named by date and time</source>
        <translation>새 파일 (기존 파일은 절대 덮어쓰지 않음) 또는 폴더 (폴더이면 백업 파일 이름은 날짜와 시각으로 정해짐)</translation>
    </message>
    <message>
        <source>check a backup completely, without restoring it</source>
        <translation>복원하지 않고 백업 전체를 검사</translation>
    </message>
    <message>
        <source>account whose passphrase (as of the backup) opens it</source>
        <translation>백업을 열 계정 (백업 당시의 비밀번호 사용)</translation>
    </message>
    <message>
        <source>restore a backup into a new folder</source>
        <translation>백업을 새 폴더에 복원</translation>
    </message>
    <message>
        <source>a folder without a vault (made if missing)</source>
        <translation>보관함이 없는 폴더 (없으면 새로 만듦)</translation>
    </message>
    <message>
        <source>show a backup&apos;s header (no passphrase needed)</source>
        <translation>백업의 머리 정보 보기 (비밀번호 필요 없음)</translation>
    </message>
    <message>
        <source>Warning: the access log inside the backup has {count} problem(s); the vault already had them when the backup was made.</source>
        <translation>경고: 백업 안의 접근 기록에 문제가 {count}건 있습니다. 백업할 당시 보관함에 이미 있던 문제입니다.</translation>
    </message>
    <message>
        <source>Backup written to {path} ({size} MB, {cases} case(s)) and verified.</source>
        <translation>{path}에 백업을 저장하고 검사했습니다 ({size} MB, 사례 {cases}건).</translation>
    </message>
    <message>
        <source>Backup verified: {path}</source>
        <translation>백업 검사 완료: {path}</translation>
    </message>
    <message>
        <source>Made {when} by intake-desktop {version} for {centre}.</source>
        <translation>{when}에 intake-desktop {version}(으)로 {centre}을(를) 위해 만든 백업입니다.</translation>
    </message>
    <message>
        <source>{cases} case(s), {events} access-log event(s), {values} encrypted value(s) checked.</source>
        <translation>사례 {cases}건, 접근 기록 {events}건, 암호화된 값 {values}개를 검사했습니다.</translation>
    </message>
    <message>
        <source>Recorded in the access log of the vault in {path}.</source>
        <translation>{path}에 있는 보관함의 접근 기록에 남겼습니다.</translation>
    </message>
    <message>
        <source>Backup of {when} restored into {path}: {cases} case(s).</source>
        <translation>{when} 백업을 {path}에 복원했습니다: 사례 {cases}건.</translation>
    </message>
    <message>
        <source>Open it with: intake-desktop --data-dir &quot;{path}&quot;</source>
        <translation>다음 명령으로 여세요: intake-desktop --data-dir &quot;{path}&quot;</translation>
    </message>
    <message>
        <source>Backup {id}</source>
        <translation>백업 {id}</translation>
    </message>
    <message>
        <source>Made {when} by intake-desktop {version} (schema {schema}) for {centre}.</source>
        <translation>{when}에 intake-desktop {version}(스키마 {schema})(으)로 {centre}을(를) 위해 만든 백업입니다.</translation>
    </message>
    <message>
        <source>Opens with the passphrase (as of that day) of: {names}</source>
        <translation>다음 계정의 (그날 기준) 비밀번호로 열 수 있습니다: {names}</translation>
    </message>
    <message>
        <source>Opens with the recovery key.</source>
        <translation>복구 키로 열 수 있습니다.</translation>
    </message>
    <message>
        <source>This header is not yet authenticated: run `backup verify` to check the whole file.</source>
        <translation>이 머리 정보는 아직 인증되지 않았습니다. 파일 전체를 검사하려면 `backup verify`를 실행하세요.</translation>
    </message>
    <message>
        <source>list, check and score form definitions</source>
        <translation>양식 정의 목록 보기, 검사, 점수 계산</translation>
    </message>
    <message>
        <source>list the shipped forms</source>
        <translation>기본 제공 양식 목록</translation>
    </message>
    <message>
        <source>validate form definition files</source>
        <translation>양식 정의 파일 검사</translation>
    </message>
    <message>
        <source>add a form definition to the vault (admin)</source>
        <translation>보관함에 양식 정의 추가 (관리자)</translation>
    </message>
    <message>
        <source>score answers and print the result as JSON</source>
        <translation>응답의 점수를 계산해 JSON으로 출력</translation>
    </message>
    <message>
        <source>(off by default)</source>
        <translation>(기본값: 사용 안 함)</translation>
    </message>
    <message>
        <source>{count} problem(s) found; fix them and check again.</source>
        <translation>문제를 {count}건 찾았습니다. 고친 뒤 다시 검사하세요.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Form {form} version {version} imported.</source>
        <translation>{form} 양식 {version}판을 가져왔습니다.</translation>
    </message>
    <message>
        <source>There is no form {form}.</source>
        <translation>{form} 양식이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read answers from {path}: {reason}</source>
        <translation>{path}에서 응답을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The answers file must hold one JSON object {field id: value}.</source>
        <translation>응답 파일에는 JSON 객체 하나({항목 id: 값})가 있어야 합니다.</translation>
    </message>
    <message>
        <source>{count} answer(s) are invalid.</source>
        <translation>응답 {count}개가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>{value} is not a date or time (YYYY-MM-DD or YYYY-MM-DD HH:MM).</source>
        <translation>{value}은(는) 날짜나 시각이 아닙니다 (YYYY-MM-DD 또는 YYYY-MM-DD HH:MM 형식).</translation>
    </message>
    <message>
        <source>issue a referral letter to a partner as PDF</source>
        <translation>협력 기관에 보낼 의뢰 공문을 PDF로 발급</translation>
    </message>
    <message>
        <source>case id or case number</source>
        <translation>사례 id 또는 사례번호</translation>
    </message>
    <message>
        <source>kind of partner (the directory&apos;s partner of that kind), or a partner&apos;s key</source>
        <translation>협력 기관 종류 (목록에서 그 종류의 기관) 또는 협력 기관 키</translation>
    </message>
    <message>
        <source>reason for the referral, printed as written</source>
        <translation>의뢰 사유 (적은 그대로 인쇄됨)</translation>
    </message>
    <message>
        <source>service requested (default: the template&apos;s wording)</source>
        <translation>요청하는 서비스 (기본값: 서식의 문구)</translation>
    </message>
    <message>
        <source>cautions for the first contact</source>
        <translation>첫 연락 때 주의할 점</translation>
    </message>
    <message>
        <source>reply requested by this date (default: two weeks after today)</source>
        <translation>회신 요청 기한 (기본값: 오늘부터 2주 뒤)</translation>
    </message>
    <message>
        <source>police: when the young person was last in contact</source>
        <translation>경찰: 청년과 마지막으로 연락된 때</translation>
    </message>
    <message>
        <source>anything else (printed where the template has 기타)</source>
        <translation>그 밖의 내용 (서식의 ‘기타’ 자리에 인쇄됨)</translation>
    </message>
    <message>
        <source>replace FILE if it exists</source>
        <translation>FILE이 있으면 덮어쓰기</translation>
    </message>
    <message>
        <source>print an issued letter again, identical to the first copy</source>
        <translation>발급한 공문을 처음과 똑같이 다시 출력</translation>
    </message>
    <message>
        <source>letter number (e.g. 기지개-12) or id</source>
        <translation>공문 번호 (예: 기지개-12) 또는 id</translation>
    </message>
    <message>
        <source>list the letters register</source>
        <translation>공문 발급 대장 보기</translation>
    </message>
    <message>
        <source>only this case&apos;s letters</source>
        <translation>이 사례의 공문만</translation>
    </message>
    <message>
        <source>print the consent form for a case as PDF</source>
        <translation>사례의 동의서를 PDF로 출력</translation>
    </message>
    <message>
        <source>only this partner (kind or key; repeat for more). Default: every partner</source>
        <translation>이 협력 기관만 (종류 또는 키, 여러 번 쓸 수 있음). 기본값: 모든 협력 기관</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name or add --force to replace it.</source>
        <translation>{path}이(가) 이미 있습니다. 다른 이름을 정하거나, 덮어쓰려면 --force를 붙이세요.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path}은(는) 폴더입니다. 파일 이름을 주세요.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>{path} 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Could not remove the temporary file {path}.</source>
        <translation>임시 파일 {path}을(를) 지우지 못했습니다.</translation>
    </message>
    <message>
        <source>Letter {number} is in the register, but the file could not be written. Print it again with: intake-desktop letter-reprint --letter {number}</source>
        <translation>공문 {number}은(는) 대장에 올랐지만 파일을 저장하지 못했습니다. 다음 명령으로 다시 출력하세요: intake-desktop letter-reprint --letter {number}</translation>
    </message>
    <message>
        <source>Letter {number} to {partner} written to {path}.</source>
        <translation>{partner}에 보낼 공문 {number}을(를) {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>{included} item(s) printed; {withheld} item(s) withheld (not consented, not shareable or sensitive).</source>
        <translation>{included}개 항목을 인쇄했고, {withheld}개 항목은 뺐습니다 (동의 없음, 제공 불가 또는 민감정보).</translation>
    </message>
    <message>
        <source>Letter {number} written to {path}; it is identical to the copy sent.</source>
        <translation>공문 {number}을(를) {path}에 저장했습니다. 보낸 공문과 똑같습니다.</translation>
    </message>
    <message>
        <source>The register holds no letters.</source>
        <translation>대장에 공문이 없습니다.</translation>
    </message>
    <message>
        <source>Consent form written to {path}.</source>
        <translation>동의서를 {path}에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>관리자 계정</translation>
    </message>
    <message>
        <source>The administrator adds the other counsellors&apos; accounts later. Choose a passphrase you can remember: it cannot be looked up anywhere.</source>
        <translation>다른 상담사의 계정은 나중에 관리자가 추가합니다. 기억할 수 있는 비밀번호를 정하세요. 어디에서도 다시 찾아볼 수 없습니다.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>보관함 만들기</translation>
    </message>
    <message>
        <source>e.g. kim.admin</source>
        <translation>예: kim.admin</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, dots, dashes or underscores.</source>
        <translation>영문 소문자, 숫자, 마침표(.), 하이픈(-), 밑줄(_)만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>e.g. Kim Minji</source>
        <translation>예: 김민지</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>사용자 이름:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>표시 이름:</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>나이</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>위험도</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>최근 연락</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>다음 연락 예정</translation>
    </message>
    <message>
        <source>Demo case (invented data for practice)</source>
        <translation>예시 사례 (연습용으로 꾸며 낸 정보)</translation>
    </message>
    <message>
        <source>Follow-up is overdue</source>
        <translation>연락 예정일이 지났습니다</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <source>This computer has no case records yet. In three short steps you will set up an encrypted vault for your centre.</source>
        <translation>이 컴퓨터에는 아직 사례 기록이 없습니다. 간단한 세 단계로 센터의 암호화된 보관함을 만듭니다.</translation>
    </message>
    <message>
        <source>e.g. Seoul Youth Gijigae Center</source>
        <translation>예: 서울청년기지개센터</translation>
    </message>
    <message>
        <source>Everything you record is stored encrypted on this computer only. Without a passphrase or the recovery key nobody can read it, including the developers.</source>
        <translation>기록하는 모든 내용은 이 컴퓨터에만 암호화되어 저장됩니다. 비밀번호나 복구 키가 없으면 개발자를 포함해 누구도 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Centre name:</source>
        <translation>센터 이름:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Say why the access log is being downloaded.</source>
        <translation>접근 기록을 내려받는 이유를 적어 주세요.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>기간의 끝이 시작보다 앞섭니다.</translation>
    </message>
    <message>
        <source>A case cannot move from stage {old} to {new}.</source>
        <translation>사례를 {old} 단계에서 {new} 단계로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>Closing a case needs a reason.</source>
        <translation>사례를 종결하려면 사유가 필요합니다.</translation>
    </message>
    <message>
        <source>There is no valid consent to collection and use for this case.</source>
        <translation>이 사례에는 유효한 개인정보 수집·이용 동의가 없습니다.</translation>
    </message>
    <message>
        <source>There is no valid consent to provide information to {partner}. No letter was made.</source>
        <translation>{partner}에 정보를 제공하는 데 대한 유효한 동의가 없습니다. 공문을 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>The young person is under 14: a legal guardian&apos;s consent (name and relationship) is required.</source>
        <translation>만 14세 미만입니다. 법정대리인의 동의(이름과 관계)가 필요합니다.</translation>
    </message>
    <message>
        <source>A verbal consent needs the name of a witness.</source>
        <translation>구두 동의에는 입회인 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Unknown way of giving consent: {method}.</source>
        <translation>알 수 없는 동의 방법입니다: {method}.</translation>
    </message>
    <message>
        <source>A consent to provide information must list the items provided.</source>
        <translation>정보 제공 동의에는 제공하는 항목을 적어야 합니다.</translation>
    </message>
    <message>
        <source>State the purpose and the retention period at the recipient.</source>
        <translation>제공받는 곳의 이용 목적과 보유 기간을 적어 주세요.</translation>
    </message>
    <message>
        <source>This consent has already been withdrawn.</source>
        <translation>이 동의는 이미 철회되었습니다.</translation>
    </message>
    <message>
        <source>An override needs a written reason.</source>
        <translation>예외 승인에는 서면 사유가 필요합니다.</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>작업에 실패했습니다.</translation>
    </message>
    <message>
        <source>You are not permitted to do this.</source>
        <translation>이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>The data is damaged or has been tampered with. Nothing was changed.</source>
        <translation>데이터가 손상되었거나 변조되었습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no vault in {path}. Create one first (intake-desktop init).</source>
        <translation>{path}에 보관함이 없습니다. 먼저 보관함을 만드세요 (intake-desktop init).</translation>
    </message>
    <message>
        <source>The file {path} is not an intake-desktop vault or is damaged. It was not changed.</source>
        <translation>{path} 파일은 intake-desktop 보관함이 아니거나 손상되었습니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>A vault already exists in {path}.</source>
        <translation>{path}에 이미 보관함이 있습니다.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of intake-desktop. Install the newer version; the vault was not changed.</source>
        <translation>이 보관함은 더 새로운 버전의 intake-desktop으로 만들어졌습니다. 새 버전을 설치하세요. 보관함은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>The vault is already open in another intake-desktop window or program. Close it first.</source>
        <translation>보관함이 다른 intake-desktop 창이나 프로그램에서 이미 열려 있습니다. 먼저 그것을 닫으세요.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to. Check its permissions.</source>
        <translation>데이터 폴더 {path}에 쓸 수 없습니다. 폴더 권한을 확인하세요.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>디스크가 가득 찼습니다. 아무것도 저장되지 않았습니다. 공간을 비우고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>비밀번호가 틀렸습니다.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>복구 키가 틀렸습니다.</translation>
    </message>
    <message>
        <source>The recovery key is not complete or has a typing mistake.</source>
        <translation>복구 키가 다 입력되지 않았거나 잘못 입력되었습니다.</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>비밀번호를 입력하지 않았습니다.</translation>
    </message>
    <message>
        <source>The passphrase is too weak: use at least {min_length} characters, best a few words.</source>
        <translation>비밀번호가 너무 약합니다. {min_length}자 이상으로, 되도록 단어 몇 개를 이어 쓰세요.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Try again in {seconds} seconds.</source>
        <translation>비밀번호를 너무 많이 틀렸습니다. {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>There is no active account named {username}.</source>
        <translation>{username}(이)라는 사용 중인 계정이 없습니다.</translation>
    </message>
    <message>
        <source>An account named {username} already exists.</source>
        <translation>{username}(이)라는 계정이 이미 있습니다.</translation>
    </message>
    <message>
        <source>A user name has 2–32 lower-case letters, digits, dots, dashes or underscores.</source>
        <translation>사용자 이름은 영문 소문자, 숫자, 마침표(.), 하이픈(-), 밑줄(_)로 된 2–32자여야 합니다.</translation>
    </message>
    <message>
        <source>This needs the {role} role.</source>
        <translation>이 작업에는 {role} 역할이 필요합니다.</translation>
    </message>
    <message>
        <source>The last active administrator cannot be disabled.</source>
        <translation>마지막으로 남은 관리자 계정은 사용 중지할 수 없습니다.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>보관함이 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>There is no case {case}.</source>
        <translation>사례 {case}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Case {case} is not yours and has not been shared with you.</source>
        <translation>사례 {case}은(는) 담당 사례가 아니며 공유받지도 않았습니다.</translation>
    </message>
    <message>
        <source>Someone else saved this record in the meantime. Your version has been kept.</source>
        <translation>그사이에 다른 사람이 이 기록을 저장했습니다. 입력하신 내용은 따로 보존했습니다.</translation>
    </message>
    <message>
        <source>Demo cases are only added to a vault that holds no real cases.</source>
        <translation>예시 사례는 실제 사례가 하나도 없는 보관함에만 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>{count} line(s) are invalid; nothing was imported.</source>
        <translation>{count}개 줄이 올바르지 않습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>The file {path} could not be read or written: {reason}</source>
        <translation>{path} 파일을 읽거나 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>not a JSON object: {reason}</source>
        <translation>JSON 객체가 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>a line must hold one JSON object</source>
        <translation>한 줄에는 JSON 객체 하나만 있어야 합니다</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>The file {path} holds no records.</source>
        <translation>{path} 파일에 기록이 없습니다.</translation>
    </message>
    <message>
        <source>There is no partner institution {partner}.</source>
        <translation>협력 기관 {partner}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>{field} is not a contact detail of a partner.</source>
        <translation>{field}은(는) 협력 기관의 연락처 항목이 아닙니다.</translation>
    </message>
    <message>
        <source>{field} is not part of the centre profile.</source>
        <translation>{field}은(는) 센터 정보 항목이 아닙니다.</translation>
    </message>
    <message>
        <source>{field}: required.</source>
        <translation>{field}: 반드시 입력해야 합니다.</translation>
    </message>
    <message>
        <source>The short name for document numbers has 1–20 characters, without spaces or dashes.</source>
        <translation>문서번호에 쓰는 약칭은 띄어쓰기와 하이픈 없이 1–20자여야 합니다.</translation>
    </message>
    <message>
        <source>{field}: not an e-mail address.</source>
        <translation>{field}: 이메일 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>Give one to four signatory roles, each with a role and a title (e.g. 검토자, 팀장).</source>
        <translation>결재란은 1–4칸으로, 칸마다 역할과 직위를 적어 주세요 (예: 검토자, 팀장).</translation>
    </message>
    <message>
        <source>{field}: not a field of this form version.</source>
        <translation>{field}: 이 양식 버전에 없는 항목입니다.</translation>
    </message>
    <message>
        <source>{field}: is computed and takes no answer.</source>
        <translation>{field}: 자동으로 계산되는 항목이라 입력할 수 없습니다.</translation>
    </message>
    <message>
        <source>{field}: wrong kind of value (expected {expected}).</source>
        <translation>{field}: 값의 종류가 맞지 않습니다 ({expected}이어야 함).</translation>
    </message>
    <message>
        <source>{field}: not one of the choices.</source>
        <translation>{field}: 선택지에 없는 값입니다.</translation>
    </message>
    <message>
        <source>{field}: this choice cannot be combined with others.</source>
        <translation>{field}: 이 선택지는 다른 선택지와 함께 고를 수 없습니다.</translation>
    </message>
    <message>
        <source>{field}: the date is outside the allowed range.</source>
        <translation>{field}: 허용된 범위를 벗어난 날짜입니다.</translation>
    </message>
    <message>
        <source>{field}: not a valid phone number.</source>
        <translation>{field}: 올바른 전화번호가 아닙니다.</translation>
    </message>
    <message>
        <source>{field}: the address is incomplete or malformed.</source>
        <translation>{field}: 주소가 불완전하거나 형식이 잘못되었습니다.</translation>
    </message>
    <message>
        <source>{field}: value out of range.</source>
        <translation>{field}: 허용된 범위를 벗어난 값입니다.</translation>
    </message>
    <message>
        <source>{field}: must be a whole number.</source>
        <translation>{field}: 정수로 입력해야 합니다.</translation>
    </message>
    <message>
        <source>{field}: does not have the expected form.</source>
        <translation>{field}: 형식이 맞지 않습니다.</translation>
    </message>
    <message>
        <source>{field}: too long (at most {max} characters).</source>
        <translation>{field}: 너무 깁니다 ({max}자까지).</translation>
    </message>
    <message>
        <source>{field}: too short (at least {min} characters).</source>
        <translation>{field}: 너무 짧습니다 ({min}자 이상).</translation>
    </message>
    <message>
        <source>{field}: choose at least {min}.</source>
        <translation>{field}: {min}개 이상 고르세요.</translation>
    </message>
    <message>
        <source>{field}: choose at most {max}.</source>
        <translation>{field}: {max}개까지 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>{field}: give a reason when the risk level differs from the proposal.</source>
        <translation>{field}: 위험도를 제안과 다르게 정할 때는 사유를 적어 주세요.</translation>
    </message>
    <message>
        <source>{field}: invalid answer.</source>
        <translation>{field}: 올바르지 않은 응답입니다.</translation>
    </message>
    <message>
        <source>The form file has {count} problem(s); nothing was imported.</source>
        <translation>양식 파일에 문제가 {count}건 있습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>Form {form} version {version} already exists with different content: raise the version.</source>
        <translation>{form} 양식 {version}판이 이미 다른 내용으로 있습니다. 버전 번호를 올리세요.</translation>
    </message>
    <message>
        <source>{field}: at most {max} characters.</source>
        <translation>{field}: {max}자까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>{field}: not a date (use YYYY-MM-DD).</source>
        <translation>{field}: 날짜 형식이 아닙니다 (예: 1999-03-02).</translation>
    </message>
    <message>
        <source>{field}: lies in the future.</source>
        <translation>{field}: 미래의 날짜입니다.</translation>
    </message>
    <message>
        <source>{field}: a phone number has 9 to 11 digits.</source>
        <translation>{field}: 전화번호는 숫자 9–11자리입니다.</translation>
    </message>
    <message>
        <source>{field}: a postal code has 5 digits.</source>
        <translation>{field}: 우편번호는 숫자 5자리입니다.</translation>
    </message>
    <message>
        <source>{field}: {value} is not one of {allowed}.</source>
        <translation>{field}: {value}은(는) 허용된 값({allowed})이 아닙니다.</translation>
    </message>
    <message>
        <source>{field}: unknown field.</source>
        <translation>{field}: 알 수 없는 항목입니다.</translation>
    </message>
    <message>
        <source>{field}: must be text.</source>
        <translation>{field}: 글자로 입력해야 합니다.</translation>
    </message>
    <message>
        <source>Destruction needs a reason (its legal basis).</source>
        <translation>파기하려면 사유(법적 근거)가 필요합니다.</translation>
    </message>
    <message>
        <source>The retention period must be 1 to 30 years.</source>
        <translation>보존 기간은 1–30년이어야 합니다.</translation>
    </message>
    <message>
        <source>No passphrase given: set {env}, use --passphrase-file, or run in a terminal.</source>
        <translation>비밀번호가 없습니다. {env}을(를) 설정하거나 --passphrase-file을 쓰거나 터미널에서 실행하세요.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>두 비밀번호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>The file {path} is not an intake-desktop backup, or its header is damaged. Nothing was changed.</source>
        <translation>{path} 파일은 intake-desktop 백업이 아니거나 머리 정보가 손상되었습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or has been tampered with. It was not used and nothing was changed.</source>
        <translation>백업 {path}이(가) 손상되었거나 변조되었습니다. 사용하지 않았으며 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of intake-desktop. Install that version to use it.</source>
        <translation>백업 {path}은(는) 더 새로운 버전의 intake-desktop으로 만들어졌습니다. 사용하려면 그 버전을 설치하세요.</translation>
    </message>
    <message>
        <source>The file {path} already exists. A backup never replaces another file: choose a new name.</source>
        <translation>{path} 파일이 이미 있습니다. 백업은 다른 파일을 덮어쓰지 않으니 새 이름을 정하세요.</translation>
    </message>
    <message>
        <source>{path} could not be written: the folder is read-only, or the file is held open by another program (a virus scanner or a sync tool, for example). Nothing was changed; try again.</source>
        <translation>{path}에 저장할 수 없습니다. 폴더가 읽기 전용이거나 다른 프로그램(예: 백신 프로그램, 동기화 프로그램)이 파일을 열고 있습니다. 아무것도 변경되지 않았으니 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>{path} 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>The backup has no account named {username} (accounts as of the day it was made).</source>
        <translation>백업에 {username}(이)라는 계정이 없습니다 (백업한 날 기준 계정).</translation>
    </message>
    <message>
        <source>The backup {path} belongs to another vault.</source>
        <translation>백업 {path}은(는) 다른 보관함의 백업입니다.</translation>
    </message>
    <message>
        <source>There is already a vault in {path}. Restore into a new, empty folder.</source>
        <translation>{path}에 이미 보관함이 있습니다. 비어 있는 새 폴더에 복원하세요.</translation>
    </message>
    <message>
        <source>The backup {path} was written, but reading it back failed: the disk or USB stick may be faulty. It was deleted; earlier backups were not touched.</source>
        <translation>백업 {path}을(를) 저장했지만 다시 읽어 보니 실패했습니다. 디스크나 USB 메모리에 문제가 있을 수 있습니다. 이 백업은 지웠고, 이전 백업은 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>The backup file is intact, but {count} stored value(s) inside it fail authentication: they were already damaged in the vault when the backup was made.</source>
        <translation>백업 파일 자체는 온전하지만, 안에 저장된 값 {count}개가 인증에 실패했습니다. 백업할 당시 보관함에서 이미 손상되어 있던 값입니다.</translation>
    </message>
    <message>
        <source>A session note needs a date that is not in the future.</source>
        <translation>상담 기록의 날짜는 미래일 수 없습니다.</translation>
    </message>
    <message>
        <source>Unknown kind of contact: {mode}.</source>
        <translation>알 수 없는 연락 방식입니다: {mode}.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>기록 내용이 비어 있습니다.</translation>
    </message>
    <message>
        <source>The note is longer than {max} characters.</source>
        <translation>기록이 {max}자를 넘습니다.</translation>
    </message>
    <message>
        <source>Say why the crisis flag can be cleared.</source>
        <translation>위기 표시를 해제해도 되는 이유를 적어 주세요.</translation>
    </message>
    <message>
        <source>A follow-up needs a due date and what is to be done.</source>
        <translation>후속 조치에는 기한과 할 일이 필요합니다.</translation>
    </message>
    <message>
        <source>The form version this intake was filled in ({form} v{version}) is not available.</source>
        <translation>이 접수 기록을 작성한 양식 버전({form} v{version})을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>{count} answer(s) need attention before saving.</source>
        <translation>저장하기 전에 확인이 필요한 응답이 {count}개 있습니다.</translation>
    </message>
    <message>
        <source>Write down what you did about the crisis before closing.</source>
        <translation>종결하기 전에 위기 상황에 어떻게 대응했는지 적어 주세요.</translation>
    </message>
    <message>
        <source>The letter cannot be made: {problem}.</source>
        <translation>공문을 만들 수 없습니다: {problem}.</translation>
    </message>
    <message>
        <source>A letter template is broken: {problem}</source>
        <translation>공문 서식에 문제가 있습니다: {problem}</translation>
    </message>
    <message>
        <source>No Korean font that can be embedded in a PDF was found. Install Malgun Gothic, Apple SD Gothic Neo or NanumGothic (fonts-nanum) and try again.</source>
        <translation>PDF에 넣을 수 있는 한글 글꼴을 찾지 못했습니다. 맑은 고딕, Apple SD Gothic Neo 또는 나눔고딕(fonts-nanum)을 설치한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{partner} is no longer in the partner directory.</source>
        <translation>{partner}은(는) 더 이상 협력 기관 목록에 없습니다.</translation>
    </message>
    <message>
        <source>There is no letter template for partners of kind {kind}.</source>
        <translation>{kind} 종류의 협력 기관에 쓸 공문 서식이 없습니다.</translation>
    </message>
    <message>
        <source>The consent for {partner} changed after the letter was prepared. Prepare it again; nothing was issued.</source>
        <translation>공문을 준비한 뒤에 {partner}에 대한 동의가 바뀌었습니다. 다시 준비하세요. 아무것도 발급되지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no letter {letter} in the register.</source>
        <translation>대장에 공문 {letter}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Letter {number} was made with the font {font}, which is not in use now: an identical copy cannot be printed. Install that font or choose it in the settings.</source>
        <translation>공문 {number}은(는) 지금 쓰지 않는 {font} 글꼴로 만들어져서 똑같은 사본을 출력할 수 없습니다. 그 글꼴을 설치하거나 설정에서 고르세요.</translation>
    </message>
    <message>
        <source>No free letter number could be taken. Try again.</source>
        <translation>비어 있는 공문 번호를 받지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Unknown referral status: {status}.</source>
        <translation>알 수 없는 의뢰 상태입니다: {status}.</translation>
    </message>
    <message>
        <source>A referral cannot go from {old} to {new}.</source>
        <translation>의뢰 상태를 {old}에서 {new}(으)로 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no referral {referral}.</source>
        <translation>의뢰 {referral}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The reply date cannot be before the referral was sent or in the future.</source>
        <translation>회신 날짜는 의뢰를 보낸 날보다 앞서거나 미래일 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up intake-desktop</source>
        <translation>intake-desktop 처음 설정</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>마침</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Recovery key not confirmed</source>
        <translation>복구 키 보관을 확인하지 않았습니다</translation>
    </message>
    <message>
        <source>The recovery key will not be shown again. Close anyway?</source>
        <translation>복구 키는 다시 표시되지 않습니다. 그래도 닫을까요?</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>그래도 닫기</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>돌아가기</translation>
    </message>
</context>
<context>
    <name>GuiFlow</name>
    <message>
        <source>intake-desktop cannot start</source>
        <translation>intake-desktop을 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>High</source>
        <translation>고</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>중</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>저</translation>
    </message>
    <message>
        <source>Intake and first interview</source>
        <translation>접수·초기상담</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>사정</translation>
    </message>
    <message>
        <source>Service planning</source>
        <translation>서비스 계획</translation>
    </message>
    <message>
        <source>Linkage and referral</source>
        <translation>연계·의뢰</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>슈퍼바이저</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <source>Text messages only</source>
        <translation>문자만</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Messenger app</source>
        <translation>메신저</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>휴대전화</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>Road address</source>
        <translation>도로명 주소</translation>
    </message>
    <message>
        <source>Address details</source>
        <translation>상세 주소</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>비상 연락처 (이름)</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>비상 연락처 전화번호</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>선호 연락 방법</translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation>너무 약함</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>약함</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>강함</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>매우 강함</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <source>The records are locked and their keys have been removed from memory. {name}, enter your passphrase to continue.</source>
        <translation>기록이 잠겼고 암호 키는 메모리에서 지워졌습니다. {name} 님, 계속하려면 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Sign in — intake-desktop</source>
        <translation>로그인 — intake-desktop</translation>
    </message>
    <message>
        <source>Case records are encrypted. Sign in to open them.</source>
        <translation>사례 기록은 암호화되어 있습니다. 로그인하면 열립니다.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the recovery key</source>
        <translation>비밀번호를 잊으셨나요? 복구 키 사용</translation>
    </message>
    <message>
        <source>Forgot the passphrase? An administrator can set a new one for you.</source>
        <translation>비밀번호를 잊으셨나요? 관리자가 새 비밀번호를 정해 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>계정:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>비밀번호:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{centre} — case records</source>
        <translation>{centre} — 사례 기록</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>새 사례</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>잠그기</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>지금 잠그기 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>사례(&amp;C)</translation>
    </message>
    <message>
        <source>Search by name, initials (ㄱㅁㅅ), phone or case number</source>
        <translation>이름, 초성(ㄱㅁㅅ), 전화번호, 사례번호로 찾기</translation>
    </message>
    <message>
        <source>No cases yet. Use “New case” to add the first one.</source>
        <translation>아직 사례가 없습니다. ‘새 사례’를 눌러 첫 사례를 추가하세요.</translation>
    </message>
    <message>
        <source>Decrypting the case list…</source>
        <translation>사례 목록의 암호를 푸는 중…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{total}건 중 {shown}건</translation>
    </message>
    <message numerus="yes">
        <source>Cases: %Ln</source>
        <translation>
            <numerusform>사례 %Ln건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Names in blue are demo cases with invented data, for practice: %Ln of them.</source>
        <translation>
            <numerusform>파란색 이름은 연습용으로 꾸며 낸 예시 사례입니다 (%Ln건).</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved typing from your last session was restored.</source>
        <translation>지난번에 저장하지 않고 입력하던 내용을 되살렸습니다.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something unexpected went wrong. Nothing was changed. If it happens again, please tell your administrator.</source>
        <translation>예상하지 못한 문제가 생겼습니다. 아무것도 변경되지 않았습니다. 다시 생기면 관리자에게 알려 주세요.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>새 사례</translation>
    </message>
    <message>
        <source>e.g. Kim Minsu</source>
        <translation>예: 김민수</translation>
    </message>
    <message>
        <source>e.g. 1999-03-02</source>
        <translation>예: 1999-03-02</translation>
    </message>
    <message>
        <source>(not asked yet)</source>
        <translation>(아직 묻지 않음)</translation>
    </message>
    <message>
        <source>Many young people prefer text messages to calls: ask before phoning.</source>
        <translation>전화보다 문자를 편하게 여기는 청년이 많습니다. 전화하기 전에 먼저 물어보세요.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>생년월일:</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>휴대전화:</translation>
    </message>
    <message>
        <source>Preferred contact:</source>
        <translation>선호 연락 방법:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Discard the new case?</source>
        <translation>새 사례를 버릴까요?</translation>
    </message>
    <message>
        <source>What you typed in this form will be lost.</source>
        <translation>이 양식에 입력한 내용이 사라집니다.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>계속 입력</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Passphrase:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>비밀번호 확인:</translation>
    </message>
    <message>
        <source>The passphrases match.</source>
        <translation>두 비밀번호가 같습니다.</translation>
    </message>
    <message>
        <source>The passphrases do not match yet.</source>
        <translation>두 비밀번호가 아직 다릅니다.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Sign in with the recovery key</source>
        <translation>복구 키로 로그인</translation>
    </message>
    <message>
        <source>Type the recovery key from the printed sheet (dashes and spaces do not matter), then choose a new passphrase for {username}.</source>
        <translation>인쇄해 둔 복구 키를 입력하고(하이픈과 띄어쓰기는 상관없습니다) {username} 계정의 새 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>Open and set passphrase</source>
        <translation>열고 새 비밀번호 정하기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>복구 키:</translation>
    </message>
    <message>
        <source>The new passphrases do not match.</source>
        <translation>새 비밀번호 두 개가 서로 다릅니다.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Recovery key</source>
        <translation>복구 키</translation>
    </message>
    <message>
        <source>If every administrator passphrase is forgotten, this key is the only way back into the records. It is shown only now.</source>
        <translation>관리자 비밀번호를 모두 잊어버렸을 때 기록을 다시 열 수 있는 유일한 방법입니다. 지금 한 번만 표시됩니다.</translation>
    </message>
    <message>
        <source>Creating the encrypted vault… this takes a few seconds.</source>
        <translation>암호화된 보관함을 만드는 중입니다… 몇 초 걸립니다.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Print this key or write it down, and keep it locked away from the computer. Do not photograph it or save it in a file on this computer.</source>
        <translation>이 키를 인쇄하거나 적어서 컴퓨터와 떨어진 잠긴 곳에 보관하세요. 사진을 찍거나 이 컴퓨터에 파일로 저장하지 마세요.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>I have stored the recovery key somewhere safe.</source>
        <translation>복구 키를 안전한 곳에 보관했습니다.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>복구 키 인쇄</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>intake-desktop recovery key</source>
        <translation>intake-desktop 복구 키</translation>
    </message>
    <message>
        <source>Centre:</source>
        <translation>센터:</translation>
    </message>
    <message>
        <source>Printed on:</source>
        <translation>인쇄한 날:</translation>
    </message>
    <message>
        <source>This key opens every record in the vault. Keep this sheet locked away, separate from the computer, and never photograph it. An administrator needs it to set a new passphrase when theirs is forgotten.</source>
        <translation>이 키로 보관함의 모든 기록을 열 수 있습니다. 이 종이는 컴퓨터와 떨어진 잠긴 곳에 보관하고, 절대 사진을 찍지 마세요. 관리자가 비밀번호를 잊어버렸을 때 새 비밀번호를 정하려면 이 키가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <source>Signed in: {name} ({username}) · {role}</source>
        <translation>로그인: {name} ({username}) · {role}</translation>
    </message>
    <message>
        <source>Locks by itself after this much time without input.</source>
        <translation>이 시간 동안 입력이 없으면 저절로 잠깁니다.</translation>
    </message>
    <message>
        <source>Auto-lock in {minutes}:{seconds:02d}</source>
        <translation>자동 잠금까지 {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>바꾼 언어는 프로그램을 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>자동 잠금 시간:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: {label}</source>
        <translation>강도: {label}</translation>
    </message>
    <message>
        <source>At least {count} characters; a few unrelated words are easy to remember.</source>
        <translation>{count}자 이상. 서로 관계없는 단어 몇 개를 이어 쓰면 기억하기 쉽습니다.</translation>
    </message>
</context>
</TS>
