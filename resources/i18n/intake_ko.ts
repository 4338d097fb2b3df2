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
        <source>read the new administrator&apos;s passphrase from this file</source>
        <translation>새 관리자 비밀번호를 이 파일에서 읽기</translation>
    </message>
    <message>
        <source>the centre&apos;s name, printed on letters</source>
        <translation>센터 이름 (의뢰서에 인쇄됩니다)</translation>
    </message>
    <message>
        <source>user name of the first administrator</source>
        <translation>첫 관리자의 사용자 이름</translation>
    </message>
    <message>
        <source>the administrator&apos;s name as shown on screen and on letters</source>
        <translation>화면과 의뢰서에 표시할 관리자 이름</translation>
    </message>
    <message>
        <source>the centre&apos;s postal code (5 digits)</source>
        <translation>센터 우편번호(5자리)</translation>
    </message>
    <message>
        <source>the centre&apos;s road-name address</source>
        <translation>센터 도로명 주소</translation>
    </message>
    <message>
        <source>the centre&apos;s phone number</source>
        <translation>센터 전화번호</translation>
    </message>
    <message>
        <source>the centre&apos;s fax number</source>
        <translation>센터 팩스 번호</translation>
    </message>
    <message>
        <source>the centre&apos;s e-mail address</source>
        <translation>센터 이메일 주소</translation>
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
        <source>how many fictional cases to make</source>
        <translation>만들 가상 사례 수</translation>
    </message>
    <message>
        <source>seed of the fictional data (the same seed makes the same cases)</source>
        <translation>가상 자료의 시드 (같은 시드면 같은 사례가 만들어집니다)</translation>
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
        <source>--mapping and --skip-duplicates are for Excel and CSV files.</source>
        <translation>--mapping과 --skip-duplicates는 엑셀·CSV 파일에만 쓸 수 있습니다.</translation>
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
        <source>import people and intakes from an Excel (.xlsx) or CSV sheet, or JSON Lines</source>
        <translation>엑셀(.xlsx)·CSV 명단이나 JSON Lines에서 대상자와 초기상담을 가져오기</translation>
    </message>
    <message>
        <source>check every row and import nothing</source>
        <translation>모든 행을 검사만 하고 가져오지 않기</translation>
    </message>
    <message>
        <source>which column fills which field (Excel/CSV; see docs/import-format.md)</source>
        <translation>어느 열을 어느 항목에 넣을지 (엑셀·CSV, docs/import-format.md 참고)</translation>
    </message>
    <message>
        <source>leave out rows of people already in the vault instead of refusing the file (Excel/CSV)</source>
        <translation>이미 등록된 사람의 행은 파일 전체를 거부하지 않고 빼고 가져오기 (엑셀·CSV)</translation>
    </message>
    <message>
        <source>No address, phone, fax or e-mail for the centre was given: letters cannot be issued until an administrator enters one (Administration → Centre profile).</source>
        <translation>센터 주소, 전화번호, 팩스, 이메일이 하나도 없습니다. 관리자가 관리 → 센터 정보에서 하나 이상 입력할 때까지 의뢰서를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>{count} record(s) imported.</source>
        <translation>기록 {count}건을 가져왔습니다.</translation>
    </message>
    <message>
        <source>lines {lines}: also invalid (not listed in detail).</source>
        <translation>{lines}번째 줄: 이 줄들도 잘못되었습니다(자세한 내용은 생략).</translation>
    </message>
    <message>
        <source>Column {column} is not imported (no field has this header; map it with --mapping).</source>
        <translation>{column} 열은 가져오지 않습니다(이 제목에 맞는 항목이 없습니다. --mapping으로 지정하세요).</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>{row}행, {column} 열: {message}</translation>
    </message>
    <message>
        <source>rows {rows}: also invalid (not listed in detail).</source>
        <translation>{rows}행: 이 행들도 올바르지 않습니다(자세한 내용은 생략).</translation>
    </message>
    <message>
        <source>Rows {rows} were left out: these people are already in the vault.</source>
        <translation>{rows}행은 빼고 가져왔습니다. 이미 등록된 사람입니다.</translation>
    </message>
    <message>
        <source>{path} is too large for a mapping file.</source>
        <translation>{path}은(는) 열 지정 파일로 쓰기에 너무 큽니다.</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path}은(는) UTF-8 텍스트가 아닙니다.</translation>
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
        <source>attach a scanned document (PDF, JPEG or PNG) to a case, encrypted</source>
        <translation>사례에 스캔 문서(PDF, JPEG, PNG)를 암호화하여 첨부</translation>
    </message>
    <message>
        <source>case id or case number</source>
        <translation>사례 id 또는 사례번호</translation>
    </message>
    <message>
        <source>the scanned file</source>
        <translation>스캔한 파일</translation>
    </message>
    <message>
        <source>what it is: a signed consent, a partner&apos;s reply slip, or other (default: consent with --consent, reply with --referral, else other)</source>
        <translation>문서 종류: 서명된 동의서(consent), 기관의 회신서(reply), 기타(other) (기본값: --consent가 있으면 consent, --referral이 있으면 reply, 그 밖에는 other)</translation>
    </message>
    <message>
        <source>the consent record this scan belongs to</source>
        <translation>이 스캔본이 속하는 동의 기록</translation>
    </message>
    <message>
        <source>the referral this document belongs to</source>
        <translation>이 문서가 속하는 연계·의뢰</translation>
    </message>
    <message>
        <source>list a case&apos;s attached documents, or save one to a file</source>
        <translation>사례의 첨부 문서 목록을 보거나, 문서 하나를 파일로 저장</translation>
    </message>
    <message>
        <source>print the list as JSON</source>
        <translation>목록을 JSON으로 출력</translation>
    </message>
    <message>
        <source>save this document (needs --out)</source>
        <translation>이 문서를 저장(--out 필요)</translation>
    </message>
    <message>
        <source>where --save writes the document</source>
        <translation>--save로 문서를 저장할 위치</translation>
    </message>
    <message>
        <source>Attached {name} ({size} bytes) as {id}.</source>
        <translation>{name}({size}바이트)을(를) {id}(으)로 첨부했습니다.</translation>
    </message>
    <message>
        <source>{path} exists; use --force to replace it.</source>
        <translation>{path} 파일이 이미 있습니다. 바꾸려면 --force를 쓰십시오.</translation>
    </message>
    <message>
        <source>--save and --out go together.</source>
        <translation>--save와 --out은 함께 써야 합니다.</translation>
    </message>
    <message>
        <source>Document {id} is not attached to case {case}.</source>
        <translation>문서 {id}은(는) 사례 {case}에 첨부된 문서가 아닙니다.</translation>
    </message>
    <message>
        <source>Saved {name} to {path}.</source>
        <translation>{name}을(를) {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>No documents are attached to this case.</source>
        <translation>이 사례에는 첨부 문서가 없습니다.</translation>
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
        <source>send it to the printer instead of writing a file</source>
        <translation>파일로 저장하지 않고 프린터로 보냅니다</translation>
    </message>
    <message>
        <source>with --print: this printer (default: the default one)</source>
        <translation>--print와 함께: 이 프린터로 인쇄 (기본값: 기본 프린터)</translation>
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
        <source>print the partner&apos;s reply slip (initials only) as the last page (default: yes)</source>
        <translation>연계 기관용 회신서(이니셜만 표기)를 마지막 쪽에 함께 인쇄 (기본: 예)</translation>
    </message>
    <message>
        <source>print the reply slip of an issued letter on its own</source>
        <translation>발송한 공문의 회신서만 따로 출력</translation>
    </message>
    <message>
        <source>record a partner&apos;s returned reply slip for a letter</source>
        <translation>연계 기관이 보낸 회신서를 공문에 등록</translation>
    </message>
    <message>
        <source>what the slip says: joined (참여), declined (미참여), unreachable (연락 안 됨)</source>
        <translation>회신서의 연계 결과: joined (참여), declined (미참여), unreachable (연락 안 됨)</translation>
    </message>
    <message>
        <source>the reply date (회신일) on the slip</source>
        <translation>회신서에 적힌 회신일</translation>
    </message>
    <message>
        <source>the service the partner provides (제공 서비스)</source>
        <translation>연계 기관이 제공하는 서비스 (제공 서비스)</translation>
    </message>
    <message>
        <source>the partner&apos;s staff member in charge (담당자)</source>
        <translation>연계 기관의 담당자</translation>
    </message>
    <message>
        <source>a note for the referral&apos;s history</source>
        <translation>연계 이력에 남길 메모</translation>
    </message>
    <message>
        <source>the scanned slip (PDF, JPEG or PNG), attached to the referral; a refused file leaves the reply unrecorded</source>
        <translation>스캔한 회신서(PDF, JPEG, PNG)를 연계 기록에 첨부합니다. 받을 수 없는 파일이면 회신도 기록하지 않습니다</translation>
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
        <source>write the register to a file; .csv or .xlsx decides the format</source>
        <translation>발송 대장을 파일로 저장; 확장자(.csv 또는 .xlsx)로 형식을 정함</translation>
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
        <source>--printer goes with --print.</source>
        <translation>--printer는 --print와 함께 써야 합니다.</translation>
    </message>
    <message>
        <source>On Windows, print from the app; here use --out and print the file.</source>
        <translation>Windows에서는 프로그램 화면에서 인쇄하세요. 명령줄에서는 --out으로 파일을 만든 뒤 인쇄하세요.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>written to {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>sent to the printer {printer} (job {job})</source>
        <translation>프린터 {printer}에 보냈습니다(작업 {job})</translation>
    </message>
    <message>
        <source>Letter {number} is in the register, but it could not be printed or written. Print it again with: intake-desktop letter-reprint --letter {number}</source>
        <translation>공문 {number}: 발송 대장에는 올랐지만 인쇄하거나 저장하지 못했습니다. 다음 명령으로 다시 인쇄하세요: intake-desktop letter-reprint --letter {number}</translation>
    </message>
    <message>
        <source>Letter {number} to {partner}: {where}.</source>
        <translation>{partner} 앞 공문 {number}: {where}.</translation>
    </message>
    <message>
        <source>Letter {number}, identical to the copy sent: {where}.</source>
        <translation>공문 {number}(발송본과 같은 문서): {where}.</translation>
    </message>
    <message>
        <source>{count} letter(s) of the register written to {path}.</source>
        <translation>발송 대장의 공문 {count}건을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Consent form: {where}.</source>
        <translation>동의서: {where}.</translation>
    </message>
    <message>
        <source>Reply slip for letter {number}: {where}.</source>
        <translation>공문 {number}의 회신서: {where}.</translation>
    </message>
    <message>
        <source>Reply to letter {number} recorded: {result}; the referral is now {status} (reply date {date}).</source>
        <translation>공문 {number}의 회신을 등록했습니다: {result}. 연계 상태는 이제 ‘{status}’입니다 (회신일 {date}).</translation>
    </message>
    <message>
        <source>The scan {name} is attached to the referral (document {attachment}).</source>
        <translation>스캔 파일 {name}을(를) 연계 기록에 첨부했습니다(문서 {attachment}).</translation>
    </message>
    <message>
        <source>{included} item(s) printed; {withheld} item(s) withheld (not consented, not shareable or sensitive).</source>
        <translation>{included}개 항목을 인쇄했고, {withheld}개 항목은 뺐습니다 (동의 없음, 제공 불가 또는 민감정보).</translation>
    </message>
    <message>
        <source>The register holds no letters.</source>
        <translation>대장에 공문이 없습니다.</translation>
    </message>
    <message>
        <source>first month</source>
        <translation>시작 월</translation>
    </message>
    <message>
        <source>last month</source>
        <translation>종료 월</translation>
    </message>
    <message>
        <source>write the statistics report (PDF, CSV or Excel) for a period</source>
        <translation>기간별 통계 보고서(PDF, CSV, 엑셀) 만들기</translation>
    </message>
    <message>
        <source>the report file; .pdf, .csv or .xlsx decides the format</source>
        <translation>보고서 파일; 확장자(.pdf, .csv, .xlsx)로 형식을 정함</translation>
    </message>
    <message>
        <source>count demonstration cases even when the vault holds real ones</source>
        <translation>보관함에 실제 사례가 있어도 예시 사례를 집계에 포함</translation>
    </message>
    <message>
        <source>Statistics for {start} to {end} written to {path}.</source>
        <translation>{start}부터 {end}까지의 통계를 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>There is no data for this period; the report says so.</source>
        <translation>이 기간에는 자료가 없습니다. 보고서에도 그렇게 적혀 있습니다.</translation>
    </message>
    <message>
        <source>The report counts demonstration cases and is marked as such.</source>
        <translation>보고서에 예시 사례가 집계되어 있으며, 보고서에 그 사실이 표시됩니다.</translation>
    </message>
    <message>
        <source>set up the centre server</source>
        <translation>센터 서버 설정</translation>
    </message>
    <message>
        <source>publish this PC&apos;s vault as the centre&apos;s shared vault (once)</source>
        <translation>이 PC의 보관함을 센터 공유 보관함으로 서버에 올리기 (한 번만)</translation>
    </message>
    <message>
        <source>the centre server&apos;s address (or INTAKE_DATABASE_URL)</source>
        <translation>센터 서버 주소 (또는 INTAKE_DATABASE_URL)</translation>
    </message>
    <message>
        <source>make this PC&apos;s vault from the centre server; then log in as usual</source>
        <translation>센터 서버에서 이 PC의 보관함을 만듭니다. 그다음 평소처럼 로그인하세요</translation>
    </message>
    <message>
        <source>sync with the centre server now, or show where this PC stands</source>
        <translation>지금 센터 서버와 동기화하거나, 이 PC의 동기화 상태 보기</translation>
    </message>
    <message>
        <source>status: show the sync state without syncing</source>
        <translation>status: 동기화하지 않고 상태만 보기</translation>
    </message>
    <message>
        <source>list records changed on two PCs at once</source>
        <translation>두 PC에서 동시에 바뀐 기록 목록</translation>
    </message>
    <message>
        <source>settle one conflict (as listed) with --keep</source>
        <translation>충돌 하나를 --keep 으로 정리 (목록에 나온 대로)</translation>
    </message>
    <message>
        <source>mine: this PC&apos;s version; theirs: the other PC&apos;s version</source>
        <translation>mine: 이 PC의 내용, theirs: 다른 PC의 내용</translation>
    </message>
    <message>
        <source>This vault is now the centre&apos;s shared vault on the server: {pushed} record(s) sent.</source>
        <translation>이 보관함이 이제 서버의 센터 공유 보관함입니다. 기록 {pushed}건을 보냈습니다.</translation>
    </message>
    <message>
        <source>This PC joined {centre}. Log in as usual; the records arrive at the first sync.</source>
        <translation>이 PC가 {centre}에 참여했습니다. 평소처럼 로그인하세요. 기록은 첫 동기화 때 받아집니다.</translation>
    </message>
    <message>
        <source>Pulled {pulled}, pushed {pushed}, conflicts {conflicts}.</source>
        <translation>받음 {pulled}건, 보냄 {pushed}건, 충돌 {conflicts}건.</translation>
    </message>
    <message>
        <source>{count} record(s) from the server failed their checks and were not applied.</source>
        <translation>서버에서 온 기록 {count}건이 검사를 통과하지 못해 반영하지 않았습니다.</translation>
    </message>
    <message>
        <source>Records changed on two PCs wait for a choice: see &apos;conflicts&apos;.</source>
        <translation>두 PC에서 함께 바뀐 기록이 선택을 기다립니다. &apos;conflicts&apos;로 확인하세요.</translation>
    </message>
    <message>
        <source>This PC is not connected to a centre server.</source>
        <translation>이 PC는 센터 서버에 연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>서버: {server}</translation>
    </message>
    <message>
        <source>Last sync: {at}</source>
        <translation>마지막 동기화: {at}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}</source>
        <translation>보내기를 기다리는 변경: {count}건</translation>
    </message>
    <message>
        <source>Conflicts waiting for a choice: {count}</source>
        <translation>선택을 기다리는 충돌: {count}건</translation>
    </message>
    <message>
        <source>--resolve and --keep go together.</source>
        <translation>--resolve 와 --keep 은 함께 써야 합니다.</translation>
    </message>
    <message>
        <source>Kept {which} of {table} {row}; the other PCs take it at the next sync.</source>
        <translation>{table} {row}: {which}을 남겼습니다. 다른 PC에는 다음 동기화 때 반영됩니다.</translation>
    </message>
    <message>
        <source>this PC&apos;s version</source>
        <translation>이 PC의 내용</translation>
    </message>
    <message>
        <source>the other PC&apos;s version</source>
        <translation>다른 PC의 내용</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>충돌이 없습니다.</translation>
    </message>
    <message>
        <source>{table} {row} (case {case}): changed here and on PC {pc}</source>
        <translation>{table} {row} (사례 {case}): 이 PC와 PC {pc}에서 함께 바뀜</translation>
    </message>
    <message>
        <source>{table} {row}: changed here and on PC {pc}</source>
        <translation>{table} {row}: 이 PC와 PC {pc}에서 함께 바뀜</translation>
    </message>
    <message>
        <source>show who changed what in a case, and print correction notices</source>
        <translation>사례의 변경 이력(누가 무엇을 바꿨는지)을 보고 정정 통지서를 출력합니다</translation>
    </message>
    <message>
        <source>print the history as JSON</source>
        <translation>변경 이력을 JSON으로 출력</translation>
    </message>
    <message>
        <source>write the correction notice of this correction (with --out)</source>
        <translation>이 정정의 정정 통지서를 저장 (--out과 함께)</translation>
    </message>
    <message>
        <source>with --notice: the PDF file to write</source>
        <translation>--notice와 함께: 저장할 PDF 파일</translation>
    </message>
    <message>
        <source>--notice and --out go together.</source>
        <translation>--notice와 --out은 함께 써야 합니다.</translation>
    </message>
    <message>
        <source>Correction notice: written to {path}.</source>
        <translation>정정 통지서: {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>correction: {reason}</source>
        <translation>정정: {reason}</translation>
    </message>
    <message>
        <source>No changes have been recorded for this case.</source>
        <translation>이 사례에 기록된 변경 이력이 없습니다.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About intake-desktop</source>
        <translation>intake-desktop 정보</translation>
    </message>
    <message>
        <source>Program icon</source>
        <translation>프로그램 아이콘</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>버전 {version}</translation>
    </message>
    <message>
        <source>Offline, encrypted intake and referral records for counsellors who support socially isolated and reclusive young people.</source>
        <translation>고립·은둔 청년을 지원하는 상담사를 위한 오프라인 암호화 접수·의뢰 기록 프로그램입니다.</translation>
    </message>
    <message>
        <source>Made for the Seoul Youth Gijigae Center partnership.</source>
        <translation>서울청년기지개센터 협력 사업을 위해 만들었습니다.</translation>
    </message>
    <message>
        <source>Licences of the included components</source>
        <translation>포함된 구성 요소의 라이선스</translation>
    </message>
    <message>
        <source>Open the licence texts folder</source>
        <translation>라이선스 전문 폴더 열기</translation>
    </message>
    <message>
        <source>This program includes the following components:</source>
        <translation>이 프로그램에는 다음 구성 요소가 들어 있습니다:</translation>
    </message>
    <message>
        <source>GNU LGPL version 3</source>
        <translation>GNU LGPL 버전 3</translation>
    </message>
    <message>
        <source>Qt is linked dynamically: its libraries are separate files in the program folder and may be replaced with compatible builds. Source code: download.qt.io and code.qt.io. Qt includes third-party code such as ICU (Unicode licence).</source>
        <translation>Qt는 동적으로 링크되어 있습니다. Qt 라이브러리는 프로그램 폴더에 별도 파일로 들어 있으며 호환되는 빌드로 바꿀 수 있습니다. 소스 코드: download.qt.io, code.qt.io. Qt에는 ICU(Unicode 라이선스) 등 제3자 코드가 포함되어 있습니다.</translation>
    </message>
    <message>
        <source>Python Software Foundation License</source>
        <translation>Python Software Foundation License</translation>
    </message>
    <message>
        <source>BSD licence</source>
        <translation>BSD 라이선스</translation>
    </message>
    <message>
        <source>Makes the printed letters and forms (PDF).</source>
        <translation>인쇄용 공문과 서식(PDF)을 만듭니다.</translation>
    </message>
    <message>
        <source>Apache License 2.0 or BSD licence</source>
        <translation>Apache License 2.0 또는 BSD 라이선스</translation>
    </message>
    <message>
        <source>Includes OpenSSL (Apache License 2.0).</source>
        <translation>OpenSSL(Apache License 2.0)을 포함합니다.</translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation>MIT 라이선스</translation>
    </message>
    <message>
        <source>MIT-CMU licence</source>
        <translation>MIT-CMU 라이선스</translation>
    </message>
    <message>
        <source>Passphrase strength estimate.</source>
        <translation>비밀번호 강도 추정</translation>
    </message>
    <message>
        <source>SIL Open Font License 1.1</source>
        <translation>SIL Open Font License 1.1</translation>
    </message>
    <message>
        <source>Font for printed letters, © NAVER Corporation. Files: {files}</source>
        <translation>인쇄용 공문 글꼴, © NAVER Corporation. 파일: {files}</translation>
    </message>
    <message>
        <source>part of Windows</source>
        <translation>Windows 구성 요소</translation>
    </message>
    <message>
        <source>Printed letters use the Korean font that comes with Windows; it is not distributed with this program.</source>
        <translation>인쇄용 공문에는 Windows에 들어 있는 한글 글꼴을 씁니다. 이 글꼴은 이 프로그램과 함께 배포하지 않습니다.</translation>
    </message>
    <message>
        <source>GPL 2.0 or later with the bootloader exception</source>
        <translation>GPL 2.0 이상 (부트로더 예외 적용)</translation>
    </message>
    <message>
        <source>Starts the installed program.</source>
        <translation>설치된 프로그램을 실행합니다.</translation>
    </message>
    <message>
        <source>The full licence texts are in {folder}.</source>
        <translation>라이선스 전문은 {folder}에 있습니다.</translation>
    </message>
    <message>
        <source>The full licence texts are in the licenses folder of the installed program.</source>
        <translation>라이선스 전문은 설치된 프로그램의 licenses 폴더에 있습니다.</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>접근 기록</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>모든 계정</translation>
    </message>
    <message>
        <source>Case number, e.g. 2025-00012</source>
        <translation>사례번호 (예: 2025-00012)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>계정:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>사례:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Download as CSV…</source>
        <translation>CSV로 내려받기…</translation>
    </message>
    <message>
        <source>Monthly review…</source>
        <translation>월간 점검…</translation>
    </message>
    <message>
        <source>Reading the access log…</source>
        <translation>접근 기록을 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n건</numerusform>
        </translation>
    </message>
    <message>
        <source>access-log-{start}-{end}.csv</source>
        <translation>접근기록-{start}-{end}.csv</translation>
    </message>
    <message>
        <source>Download the access log</source>
        <translation>접근 기록 내려받기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>파일을 저장하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n event(s) to {path}.</source>
        <translation>
            <numerusform>기록 %n건을 {path}에 저장했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccessLogLabels</name>
    <message>
        <source>Signed in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Signed in with the recovery key</source>
        <translation>복구 키로 로그인</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>비밀번호 틀림</translation>
    </message>
    <message>
        <source>Sign-in refused during a lockout</source>
        <translation>잠금 중 로그인 시도 거부</translation>
    </message>
    <message>
        <source>Whole-vault integrity check set up</source>
        <translation>보관함 전체 무결성 검사 설정</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>잠금</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>보관함 생성</translation>
    </message>
    <message>
        <source>Opened a case</source>
        <translation>사례 열람</translation>
    </message>
    <message>
        <source>Created a case</source>
        <translation>사례 등록</translation>
    </message>
    <message>
        <source>Changed a case</source>
        <translation>사례 수정</translation>
    </message>
    <message>
        <source>Changed a case&apos;s stage</source>
        <translation>사례 단계 변경</translation>
    </message>
    <message>
        <source>Reopened a case</source>
        <translation>사례 재개</translation>
    </message>
    <message>
        <source>Assigned a case</source>
        <translation>담당자 지정</translation>
    </message>
    <message>
        <source>Shared a case</source>
        <translation>사례 공유</translation>
    </message>
    <message>
        <source>Destroyed a case</source>
        <translation>사례 파기</translation>
    </message>
    <message>
        <source>Changed personal details</source>
        <translation>인적 사항 수정</translation>
    </message>
    <message>
        <source>Exported personal data</source>
        <translation>개인정보 내보내기</translation>
    </message>
    <message>
        <source>Saved an intake</source>
        <translation>초기상담지 저장</translation>
    </message>
    <message>
        <source>Added a session note</source>
        <translation>상담 기록 추가</translation>
    </message>
    <message>
        <source>Saved a service plan</source>
        <translation>서비스 계획 저장</translation>
    </message>
    <message>
        <source>Added a follow-up</source>
        <translation>후속 조치 추가</translation>
    </message>
    <message>
        <source>Completed a follow-up</source>
        <translation>후속 조치 완료</translation>
    </message>
    <message>
        <source>Confirmed a crisis</source>
        <translation>위기 확인</translation>
    </message>
    <message>
        <source>Cleared a crisis flag</source>
        <translation>위기 표시 해제</translation>
    </message>
    <message>
        <source>Recorded a consent</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <source>Recorded a withdrawal of consent</source>
        <translation>동의 철회 기록</translation>
    </message>
    <message>
        <source>Supervisor override of consent</source>
        <translation>동의 예외 승인</translation>
    </message>
    <message>
        <source>Letter sent on a supervisor override</source>
        <translation>예외 승인으로 공문 발급</translation>
    </message>
    <message>
        <source>Printed a consent form</source>
        <translation>동의서 출력</translation>
    </message>
    <message>
        <source>Attached a document</source>
        <translation>문서 첨부</translation>
    </message>
    <message>
        <source>Viewed an attached document</source>
        <translation>첨부 문서 열람</translation>
    </message>
    <message>
        <source>Saved an attached document to a file</source>
        <translation>첨부 문서를 파일로 저장</translation>
    </message>
    <message>
        <source>Deleted an attached document</source>
        <translation>첨부 문서 삭제</translation>
    </message>
    <message>
        <source>Issued a referral letter</source>
        <translation>의뢰 공문 발급</translation>
    </message>
    <message>
        <source>Reprinted a referral letter</source>
        <translation>의뢰 공문 재출력</translation>
    </message>
    <message>
        <source>Printed a reply slip</source>
        <translation>회신서 출력</translation>
    </message>
    <message>
        <source>Printed a correction notice</source>
        <translation>정정 통지서 출력</translation>
    </message>
    <message>
        <source>Recorded a partner&apos;s reply slip</source>
        <translation>연계 기관 회신서 등록</translation>
    </message>
    <message>
        <source>Viewed the letters register</source>
        <translation>공문 발급 대장 열람</translation>
    </message>
    <message>
        <source>Planned a referral</source>
        <translation>의뢰 계획 등록</translation>
    </message>
    <message>
        <source>Changed a referral&apos;s status</source>
        <translation>의뢰 상태 변경</translation>
    </message>
    <message>
        <source>Changed a partner&apos;s contact details</source>
        <translation>협력 기관 연락처 수정</translation>
    </message>
    <message>
        <source>Changed the centre profile</source>
        <translation>센터 정보 수정</translation>
    </message>
    <message>
        <source>Added an account</source>
        <translation>계정 추가</translation>
    </message>
    <message>
        <source>Disabled an account</source>
        <translation>계정 사용 중지</translation>
    </message>
    <message>
        <source>Changed a passphrase</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <source>Strengthened the protection of a passphrase</source>
        <translation>비밀번호 보호 수준 강화</translation>
    </message>
    <message>
        <source>Viewed the access log</source>
        <translation>접근 기록 열람</translation>
    </message>
    <message>
        <source>Downloaded the access log</source>
        <translation>접근 기록 내려받기</translation>
    </message>
    <message>
        <source>Monthly review of the access log</source>
        <translation>접근 기록 월간 점검</translation>
    </message>
    <message>
        <source>Made a backup</source>
        <translation>백업 생성</translation>
    </message>
    <message>
        <source>Checked a backup</source>
        <translation>백업 검사</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>백업 복원</translation>
    </message>
    <message>
        <source>Deleted old backups</source>
        <translation>오래된 백업 삭제</translation>
    </message>
    <message>
        <source>Changed the retention period</source>
        <translation>보존 기간 변경</translation>
    </message>
    <message>
        <source>Imported a form</source>
        <translation>양식 가져오기</translation>
    </message>
    <message>
        <source>Imported cases</source>
        <translation>사례 가져오기</translation>
    </message>
    <message>
        <source>Added demo cases</source>
        <translation>예시 사례 추가</translation>
    </message>
    <message>
        <source>Published the vault to the centre server</source>
        <translation>보관함을 센터 서버에 게시</translation>
    </message>
    <message>
        <source>Synced with the centre server</source>
        <translation>센터 서버와 동기화</translation>
    </message>
    <message>
        <source>Sent records to the centre server</source>
        <translation>센터 서버로 기록 보냄</translation>
    </message>
    <message>
        <source>Chose a version of a conflicting record</source>
        <translation>충돌한 기록의 남길 내용 고름</translation>
    </message>
    <message>
        <source>Compared the two versions of a conflicting record</source>
        <translation>충돌한 기록의 두 내용을 비교함</translation>
    </message>
    <message>
        <source>Problem found in another PC&apos;s access log</source>
        <translation>다른 PC의 접근 기록에서 문제 발견</translation>
    </message>
    <message>
        <source>Sign-ins and locks</source>
        <translation>로그인·잠금</translation>
    </message>
    <message>
        <source>Wrong passphrases</source>
        <translation>비밀번호 틀림</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>공문</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>첨부 문서</translation>
    </message>
    <message>
        <source>Exports of personal data</source>
        <translation>개인정보 내보내기</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>접근 기록</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>Destructions</source>
        <translation>파기</translation>
    </message>
    <message>
        <source>Centre server</source>
        <translation>센터 서버</translation>
    </message>
</context>
<context>
    <name>AccessLogModel</name>
    <message>
        <source>Time (Seoul)</source>
        <translation>일시 (한국 시간)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 내용</translation>
    </message>
</context>
<context>
    <name>AccountChooser</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만든 날</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Reset passphrase…</source>
        <translation>비밀번호 재설정…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>사용 중지…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>Disabled on {date}</source>
        <translation>{date} 사용 중지</translation>
    </message>
    <message>
        <source>Account {username} added.</source>
        <translation>계정 {username}을(를) 추가했습니다.</translation>
    </message>
    <message>
        <source>New passphrase set for {username}.</source>
        <translation>{username} 계정의 새 비밀번호를 정했습니다.</translation>
    </message>
    <message>
        <source>Disable an account</source>
        <translation>계정 사용 중지</translation>
    </message>
    <message>
        <source>Disable {username} ({name})? They can no longer sign in. Their cases, notes and access records stay. This cannot be undone; make a new account if needed.</source>
        <translation>{username}({name}) 계정을 사용 중지할까요? 더 이상 로그인할 수 없습니다. 담당 사례, 상담 기록, 접근 기록은 그대로 남습니다. 되돌릴 수 없으니 필요하면 새 계정을 만드세요.</translation>
    </message>
    <message>
        <source>{username} was disabled.</source>
        <translation>{username} 계정을 사용 중지했습니다.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add an account</source>
        <translation>계정 추가</translation>
    </message>
    <message>
        <source>e.g. park.s (lower-case letters, digits, . _ -)</source>
        <translation>예: park.s (영문 소문자, 숫자, . _ -)</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>사용자 이름:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>표시 이름:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>역할:</translation>
    </message>
    <message>
        <source>Give the passphrase to the person in private; they can change it after signing in.</source>
        <translation>비밀번호는 본인에게만 따로 알려 주세요. 로그인한 뒤 본인이 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>계정 추가</translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation>두 비밀번호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>Creating the account&apos;s key…</source>
        <translation>계정의 암호 키를 만드는 중…</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>&amp;Administration</source>
        <translation>관리(&amp;A)</translation>
    </message>
    <message>
        <source>Partner institutions…</source>
        <translation>협력 기관…</translation>
    </message>
    <message>
        <source>Centre profile…</source>
        <translation>센터 정보…</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>계정…</translation>
    </message>
    <message>
        <source>Access log…</source>
        <translation>접근 기록…</translation>
    </message>
    <message>
        <source>Monthly review of the access log…</source>
        <translation>접근 기록 월간 점검…</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>백업…</translation>
    </message>
    <message>
        <source>Retention and destruction…</source>
        <translation>보존·파기…</translation>
    </message>
    <message>
        <source>Centre server…</source>
        <translation>센터 서버…</translation>
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
    <message>
        <source>Enter a user name.</source>
        <translation>사용자 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>“Create vault” becomes available when this is done: {reason}</source>
        <translation>다음을 마치면 ‘보관함 만들기’를 누를 수 있습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>사용법: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>명령과 인수</translation>
    </message>
    <message>
        <source>options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>하위 명령</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>이 도움말을 보여 주고 끝냅니다</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>프로그램 버전을 보여 주고 끝냅니다</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>인수 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>알 수 없는 인수: %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>다음 인수가 필요합니다: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>다음 인수 중 하나가 필요합니다: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>%s 인수와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>값을 받지 않는 옵션에 값 %r이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>값이 하나 필요합니다</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>값은 하나까지만 줄 수 있습니다</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>값이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>값이 %s개 필요합니다</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>값이 %s개 필요합니다</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것인지 알 수 없습니다</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>예상하지 못한 옵션: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>올바르지 않은 %(type)s 값: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>선택할 수 없는 값: %(value)r (다음 중에서 고르세요: %(choices)s)</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>알 수 없는 명령 %(parser_name)r (가능한 명령: %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>&apos;%(filename)s&apos; 파일을 열 수 없습니다: %(error)s</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Document: {name}</source>
        <translation>첨부 문서: {name}</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>The document could not be shown. You can still save it and open it with another program.</source>
        <translation>문서를 표시할 수 없습니다. 저장한 뒤 다른 프로그램으로 열 수는 있습니다.</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>{path}(으)로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Signed consent</source>
        <translation>서명된 동의서</translation>
    </message>
    <message>
        <source>Reply slip</source>
        <translation>회신서</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>기타 문서</translation>
    </message>
    <message>
        <source>Attach scanned documents</source>
        <translation>스캔 문서 첨부</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>스캔 문서 (*.pdf *.jpg *.jpeg *.png);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>문서를 저장할 위치</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size}KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size}MB</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Scanned PDF, JPEG or PNG files up to {limit} MB, kept encrypted in the vault. Drop files here or use Add files.</source>
        <translation>스캔한 PDF, JPEG, PNG 파일(한 개 {limit}MB까지)을 암호화하여 보관합니다. 파일을 여기로 끌어다 놓거나 [파일 추가]를 누르십시오.</translation>
    </message>
    <message>
        <source>Attach as:</source>
        <translation>문서 종류:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>보기(&amp;W)</translation>
    </message>
    <message>
        <source>Add fil&amp;es…</source>
        <translation>파일 추가(&amp;E)…</translation>
    </message>
    <message>
        <source>Save as (&amp;K)…</source>
        <translation>다른 이름으로 저장(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>관련 기록</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Attached on</source>
        <translation>첨부일</translation>
    </message>
    <message>
        <source>No documents are attached to this case yet.</source>
        <translation>이 사례에는 아직 첨부 문서가 없습니다.</translation>
    </message>
    <message>
        <source>Consent: {kind}</source>
        <translation>동의: {kind}</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>연계·의뢰</translation>
    </message>
    <message numerus="yes">
        <source>Attached %n document(s).</source>
        <translation>
            <numerusform>문서 %n건을 첨부했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>{path}(으)로 저장했습니다.</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>첨부 문서 삭제</translation>
    </message>
    <message>
        <source>Delete {name} from this case? The scan cannot be brought back, except from a backup.</source>
        <translation>{name}을(를) 이 사례에서 삭제하시겠습니까? 삭제한 스캔본은 백업에서만 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>{name}을(를) 삭제했습니다.</translation>
    </message>
</context>
<context>
    <name>AuditProblems</name>
    <message>
        <source>chain broken before this event</source>
        <translation>이 기록 앞에서 기록 사슬이 끊어졌습니다</translation>
    </message>
    <message>
        <source>event was changed</source>
        <translation>기록 내용이 바뀌었습니다</translation>
    </message>
    <message>
        <source>newest events are missing</source>
        <translation>가장 최근 기록이 없어졌습니다</translation>
    </message>
    <message>
        <source>number of events does not match</source>
        <translation>기록 수가 맞지 않습니다</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Could not finish</source>
        <translation>작업을 마치지 못했습니다</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>Choose a folder, e.g. on a USB stick kept locked away</source>
        <translation>폴더를 고르세요 (예: 잠가 두는 USB 메모리)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <source>Make a backup</source>
        <translation>백업 만들기</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>만든 일시</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Check a backup…</source>
        <translation>백업 검사…</translation>
    </message>
    <message>
        <source>Restore into a new folder…</source>
        <translation>새 폴더에 복원…</translation>
    </message>
    <message>
        <source>Replace this vault…</source>
        <translation>이 보관함을 백업으로 바꾸기…</translation>
    </message>
    <message>
        <source>Backups in this folder</source>
        <translation>이 폴더의 백업</translation>
    </message>
    <message>
        <source>After each backup, delete old ones in this folder, keeping:</source>
        <translation>백업할 때마다 이 폴더의 오래된 백업을 지우고 다음만 남기기:</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation>주</translation>
    </message>
    <message>
        <source> months</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>Keeping backups</source>
        <translation>백업 보관</translation>
    </message>
    <message>
        <source>One a day, for the last:</source>
        <translation>하루에 하나씩, 최근:</translation>
    </message>
    <message>
        <source>One a week, for the last:</source>
        <translation>한 주에 하나씩, 최근:</translation>
    </message>
    <message>
        <source>One a month, for the last:</source>
        <translation>한 달에 하나씩, 최근:</translation>
    </message>
    <message>
        <source>Warn when the last good backup is older than:</source>
        <translation>마지막 정상 백업이 이보다 오래되면 알림:</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>백업 폴더</translation>
    </message>
    <message>
        <source>Last good backup: {when}</source>
        <translation>마지막 정상 백업: {when}</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>아직 백업이 없습니다.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>백업 고르기</translation>
    </message>
    <message>
        <source>intake-desktop backups (*{suffix})</source>
        <translation>intake-desktop 백업 (*{suffix})</translation>
    </message>
    <message>
        <source>The folder {path} is not there (is the USB stick plugged in?).</source>
        <translation>{path} 폴더가 없습니다 (USB 메모리가 꽂혀 있나요?).</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>백업을 저장하는 중…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>백업을 검사하는 중…</translation>
    </message>
    <message>
        <source>Removing old backups…</source>
        <translation>오래된 백업을 지우는 중…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>끝났습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Backup written and checked: {file} ({size}, %n case(s)).</source>
        <translation>
            <numerusform>백업을 저장하고 검사했습니다: {file} ({size}, 사례 %n건).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n value(s) in the vault were already damaged.</source>
        <translation>
            <numerusform>경고: 보관함 안의 값 %n개가 이미 손상되어 있었습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old backup(s) deleted.</source>
        <translation>
            <numerusform>오래된 백업 %n개를 지웠습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} 검사 중…</translation>
    </message>
    <message numerus="yes">
        <source>{file} is sound: made {when}, %n case(s).</source>
        <translation>
            <numerusform>{file}에 이상이 없습니다: {when}에 만든 백업, 사례 %n건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>But %n value(s) inside were already damaged in the vault.</source>
        <translation>
            <numerusform>다만 안에 있는 값 %n개는 보관함에서 이미 손상되어 있었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>An empty folder for the restored vault</source>
        <translation>복원할 보관함을 둘 빈 폴더</translation>
    </message>
    <message>
        <source>Restoring into {folder}…</source>
        <translation>{folder}에 복원하는 중…</translation>
    </message>
    <message>
        <source>Restored into {folder}. To look at it, start intake-desktop with --data-dir &quot;{folder}&quot; and sign in with the passphrase valid when the backup was made. This vault is unchanged.</source>
        <translation>{folder}에 복원했습니다. 열어 보려면 intake-desktop을 --data-dir &quot;{folder}&quot; 옵션으로 시작하고 백업 당시의 비밀번호로 로그인하세요. 지금 보관함은 바뀌지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>BackupWarning</name>
    <message>
        <source>No backup has been made yet. Make one today (Administration → Backups).</source>
        <translation>아직 백업이 없습니다. 오늘 백업하세요 (관리 → 백업).</translation>
    </message>
    <message>
        <source>The last good backup is %n day(s) old. Make a backup today (Administration → Backups).</source>
        <translation>마지막 정상 백업이 %n일 전입니다. 오늘 백업하세요 (관리 → 백업).</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Bar chart</source>
        <translation>막대그래프</translation>
    </message>
</context>
<context>
    <name>BasicConsentDialog</name>
    <message>
        <source>Consent to sensitive information</source>
        <translation>민감정보 처리 동의</translation>
    </message>
    <message>
        <source>Sensitive information such as health (art. 23) needs its own consent, separate from the consent to collection and use. Without it, no health item is ever printed in a letter.</source>
        <translation>건강 등 민감정보(제23조)는 수집·이용 동의와 따로 동의를 받아야 합니다. 이 동의가 없으면 건강 관련 항목은 공문에 절대 인쇄되지 않습니다.</translation>
    </message>
    <message>
        <source>Consent to collection and use</source>
        <translation>개인정보 수집·이용 동의</translation>
    </message>
    <message>
        <source>The young person agrees that the centre collects and uses their personal information for counselling and case management (art. 15). Letters need this consent.</source>
        <translation>청년이 상담과 사례관리를 위해 센터가 개인정보를 수집·이용하는 데 동의합니다(제15조). 공문을 보내려면 이 동의가 있어야 합니다.</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>동의 기록</translation>
    </message>
</context>
<context>
    <name>CaseFileWidget</name>
    <message>
        <source>Crisis</source>
        <translation>위기</translation>
    </message>
    <message>
        <source>An active crisis flag: see the overview</source>
        <translation>위기 표시 중: 개요 탭을 확인하세요</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>개요(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Intakes</source>
        <translation>초기상담(&amp;I)</translation>
    </message>
    <message>
        <source>Service &amp;plan</source>
        <translation>서비스 계획(&amp;P)</translation>
    </message>
    <message>
        <source>Session no&amp;tes</source>
        <translation>상담 기록(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Referrals</source>
        <translation>의뢰(&amp;R)</translation>
    </message>
    <message>
        <source>Fo&amp;llow-ups</source>
        <translation>후속 조치(&amp;L)</translation>
    </message>
    <message>
        <source>Con&amp;sent</source>
        <translation>동의(&amp;S)</translation>
    </message>
    <message>
        <source>Attached documents (&amp;F)</source>
        <translation>첨부 문서(&amp;F)</translation>
    </message>
    <message>
        <source>Change history (&amp;J)</source>
        <translation>변경 이력(&amp;J)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>risk: {risk}</source>
        <translation>위험도: {risk}</translation>
    </message>
    <message>
        <source>demo case</source>
        <translation>예시 사례</translation>
    </message>
    <message>
        <source>Unsaved changes from earlier were restored. Save them or undo them.</source>
        <translation>전에 저장하지 않은 변경 내용을 되살렸습니다. 저장하거나 되돌리세요.</translation>
    </message>
</context>
<context>
    <name>CaseFileWindow</name>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>사례 닫기</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>No cases yet. Use “New case” to add the first one.</source>
        <translation>아직 사례가 없습니다. ‘새 사례’를 눌러 첫 사례를 추가하세요.</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message numerus="yes">
        <source>Names in blue are demo cases with invented data, for practice: %Ln of them.</source>
        <translation>
            <numerusform>파란색 이름은 연습용으로 꾸며 낸 예시 사례입니다 (%Ln건).</numerusform>
        </translation>
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
        <source>Case number</source>
        <translation>사례번호</translation>
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
    <message>
        <source>5 digits</source>
        <translation>5자리</translation>
    </message>
    <message>
        <source>Road-name address</source>
        <translation>도로명주소</translation>
    </message>
    <message>
        <source>e.g. 02-1234-5678</source>
        <translation>예: 02-1234-5678</translation>
    </message>
    <message>
        <source>Letters to partner institutions end with these details so that the partner can reply. Give at least a phone number, an e-mail address or the postal address.</source>
        <translation>협력 기관에 보내는 의뢰서 끝에 이 연락처가 들어가야 기관이 회신할 수 있습니다. 전화번호, 이메일, 우편 주소 가운데 하나 이상을 적어 주세요.</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>우편번호:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>전화:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>이메일:</translation>
    </message>
</context>
<context>
    <name>CentreProfileDialog</name>
    <message>
        <source>Centre profile</source>
        <translation>센터 정보</translation>
    </message>
    <message>
        <source>Centre name:</source>
        <translation>센터 이름:</translation>
    </message>
    <message>
        <source>Short name (document numbers):</source>
        <translation>약칭 (문서번호용):</translation>
    </message>
    <message>
        <source>Title of the head:</source>
        <translation>기관장 직위:</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>우편번호:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>전화:</translation>
    </message>
    <message>
        <source>Fax:</source>
        <translation>팩스:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>이메일:</translation>
    </message>
    <message>
        <source>Homepage:</source>
        <translation>홈페이지:</translation>
    </message>
    <message>
        <source>Printed at the head and foot of every referral letter and on consent forms.</source>
        <translation>모든 의뢰 공문의 머리와 끝, 그리고 동의서에 인쇄됩니다.</translation>
    </message>
    <message>
        <source>Letters are numbered like this: {example}</source>
        <translation>공문 번호는 이렇게 붙습니다: {example}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>바뀐 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Saved. New letters use this profile.</source>
        <translation>저장했습니다. 새로 만드는 공문부터 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>CentreServerDialog</name>
    <message>
        <source>Centre server</source>
        <translation>센터 서버</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>서버:</translation>
    </message>
    <message>
        <source>This PC:</source>
        <translation>이 PC:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>마지막 동기화:</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>보낼 변경:</translation>
    </message>
    <message>
        <source>Last round:</source>
        <translation>마지막 결과:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Changed also on</source>
        <translation>함께 고친 PC</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>발견</translation>
    </message>
    <message>
        <source>Compare and choose…</source>
        <translation>비교해서 고르기…</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s version</source>
        <translation>이 PC의 내용 남기기</translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation>다른 PC의 내용 남기기</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>사례 열기</translation>
    </message>
    <message>
        <source>A conflict is a record changed on this PC and on another PC before they synced. Both versions are kept until someone chooses. Compare them side by side and choose, field by field for personal details, the case and intake forms; the choice reaches every PC.</source>
        <translation>충돌은 이 PC와 다른 PC에서 동기화 전에 같은 기록을 고친 경우입니다. 누군가 고를 때까지 두 내용을 모두 보관합니다. 두 내용을 나란히 비교해서 고르세요. 인적 사항, 사례, 초기상담지는 항목별로 고를 수 있습니다. 고른 결과는 모든 PC에 반영됩니다.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <source>Connection (administrator)</source>
        <translation>연결 (관리자)</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>데이터베이스 주소</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>데이터베이스 비밀번호</translation>
    </message>
    <message>
        <source>Publish this vault to the server…</source>
        <translation>이 보관함을 서버에 게시…</translation>
    </message>
    <message>
        <source>Store the new password</source>
        <translation>새 비밀번호 저장</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation>데이터베이스 주소:</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>데이터베이스 비밀번호:</translation>
    </message>
    <message>
        <source>Enter the database address first.</source>
        <translation>먼저 데이터베이스 주소를 적어 주세요.</translation>
    </message>
    <message>
        <source>Publish to the centre server</source>
        <translation>센터 서버에 게시</translation>
    </message>
    <message>
        <source>This vault becomes the centre&apos;s shared vault on {server}. Do this once, on one PC; the other PCs then join it. Continue?</source>
        <translation>이 보관함이 {server}에서 센터의 공유 보관함이 됩니다. 센터에서 PC 한 대로 한 번만 하고, 다른 PC는 여기에 참여합니다. 계속할까요?</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>게시하는 중…</translation>
    </message>
    <message>
        <source>Published. Other PCs can join now.</source>
        <translation>게시했습니다. 이제 다른 PC가 참여할 수 있습니다.</translation>
    </message>
    <message>
        <source>Enter the new database password first.</source>
        <translation>먼저 새 데이터베이스 비밀번호를 적어 주세요.</translation>
    </message>
    <message>
        <source>Password stored (sealed in the vault).</source>
        <translation>비밀번호를 저장했습니다(보관함 안에 암호화).</translation>
    </message>
    <message>
        <source>This PC has no centre server yet.</source>
        <translation>이 PC에는 아직 센터 서버가 없습니다.</translation>
    </message>
    <message>
        <source>Received {pulled}, sent {pushed}, new conflicts {conflicts}.</source>
        <translation>받음 {pulled}건, 보냄 {pushed}건, 새 충돌 {conflicts}건.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>None. This PC works on its own vault only.</source>
        <translation>없음. 이 PC는 자기 보관함만 씁니다.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>아직 동기화하지 않음</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n건</numerusform>
        </translation>
    </message>
    <message>
        <source>To add a PC: install intake-desktop there and run
intake-desktop join --database-url {url}
then log in as usual.</source>
        <translation>PC를 더하려면: 그 PC에 intake-desktop을 설치하고
intake-desktop join --database-url {url}
을 실행한 뒤 평소처럼 로그인합니다.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>주소</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>충돌 (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>{case} has changes that are not saved.</source>
        <translation>{case}에 저장하지 않은 변경 사항이 있습니다.</translation>
    </message>
    <message>
        <source>Keep them as a draft (stored encrypted; they come back when you open the case again), or discard them?</source>
        <translation>임시 저장할까요(암호화해 보관하며, 사례를 다시 열면 돌아옵니다), 아니면 버릴까요?</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>임시 저장</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>변경 내용 버리기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved elsewhere in the meantime</source>
        <translation>그사이 다른 곳에서 저장됨</translation>
    </message>
    <message>
        <source>This record was changed and saved (in another window or by a colleague) after you opened it. Both versions are shown below. For each field, choose which value to keep; fields not listed are the same in both versions.</source>
        <translation>이 기록을 연 뒤에 다른 창에서 또는 동료가 내용을 바꿔 저장했습니다. 아래에 두 버전을 함께 보여 줍니다. 항목마다 남길 값을 고르세요. 목록에 없는 항목은 두 버전이 같습니다.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Saved in the meantime</source>
        <translation>그사이 저장된 값</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>내가 입력한 값</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>남길 값</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>저장된 값</translation>
    </message>
    <message>
        <source>Keep which value of {field}</source>
        <translation>{field}: 남길 값</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>고른 대로 저장</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>입력으로 돌아가기</translation>
    </message>
</context>
<context>
    <name>ConsentSteps</name>
    <message>
        <source>Step 1: consent to collection and use. Missing: no sensitive-information consent, no consent for a partner and no letter can be recorded or made.</source>
        <translation>1단계: 수집·이용 동의. 이 동의가 없으면 민감정보 동의와 기관별 제공 동의를 기록할 수 없고 의뢰서도 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Step 2: sensitive-information consent (health). Missing: health items and scores go to no institution.</source>
        <translation>2단계: 민감정보(건강) 동의. 이 동의가 없으면 건강 관련 항목과 척도 점수는 어느 기관에도 제공되지 않습니다.</translation>
    </message>
    <message>
        <source>Step 3: a consent for each institution you refer to. Missing: no letter to that institution.</source>
        <translation>3단계: 의뢰할 기관마다 제공 동의. 동의가 없는 기관에는 의뢰서를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Collection, sensitive information and at least one institution: consents are in place.</source>
        <translation>수집·이용, 민감정보, 기관별 제공 동의가 모두 갖춰졌습니다.</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>동의일</translation>
    </message>
    <message>
        <source>How</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Items and details</source>
        <translation>항목·내용</translation>
    </message>
    <message>
        <source>Signed scan</source>
        <translation>서명 스캔본</translation>
    </message>
    <message>
        <source>Selected consent</source>
        <translation>선택한 동의</translation>
    </message>
    <message>
        <source>Attach the scan of the signed form to the selected consent</source>
        <translation>선택한 동의에 서명된 동의서의 스캔본을 첨부합니다</translation>
    </message>
    <message>
        <source>Collectio&amp;n consent…</source>
        <translation>수집·이용 동의(&amp;N)…</translation>
    </message>
    <message>
        <source>S&amp;ensitive-information consent…</source>
        <translation>민감정보 동의(&amp;E)…</translation>
    </message>
    <message>
        <source>Consent for a partner (&amp;D)…</source>
        <translation>기관별 제공 동의(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>철회(&amp;W)…</translation>
    </message>
    <message>
        <source>S&amp;upervisor override…</source>
        <translation>예외 승인(&amp;U)…</translation>
    </message>
    <message>
        <source>Attach si&amp;gned scan…</source>
        <translation>서명 스캔본 첨부(&amp;G)…</translation>
    </message>
    <message>
        <source>Print consent for&amp;m…</source>
        <translation>동의서 인쇄(&amp;M)…</translation>
    </message>
    <message>
        <source>Record the consent to collection and use first.</source>
        <translation>수집·이용 동의를 먼저 기록하세요.</translation>
    </message>
    <message>
        <source>Provision to {partner}</source>
        <translation>제3자 제공: {partner}</translation>
    </message>
    <message>
        <source>Withdrawn on {date}</source>
        <translation>{date} 철회</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>첨부됨</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>첨부 안 됨</translation>
    </message>
    <message>
        <source>Verbal (witness: {name})</source>
        <translation>구두 (입회인: {name})</translation>
    </message>
    <message>
        <source>guardian: {name} ({relationship})</source>
        <translation>법정대리인: {name} ({relationship})</translation>
    </message>
    <message>
        <source>Reason: {reason}. Items: {items}</source>
        <translation>사유: {reason}. 항목: {items}</translation>
    </message>
    <message>
        <source>Given again after an earlier withdrawal</source>
        <translation>철회 후 다시 동의함</translation>
    </message>
    <message>
        <source>Given on {date} ({how})</source>
        <translation>{date} 동의 ({how})</translation>
    </message>
    <message>
        <source>Given on {date}</source>
        <translation>{date} 동의</translation>
    </message>
    <message>
        <source>Items: {items}</source>
        <translation>항목: {items}</translation>
    </message>
    <message>
        <source>The signed form is attached as a scan (Attached documents tab).</source>
        <translation>서명된 동의서 스캔본이 첨부되어 있습니다([첨부 문서] 탭).</translation>
    </message>
    <message>
        <source>Recorded without a signed scan: attach it with Attach signed scan.</source>
        <translation>서명 스캔본 없이 기록된 동의입니다. [서명 스캔본 첨부]로 첨부하십시오.</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>이용 목적: {purpose}</translation>
    </message>
    <message>
        <source>Retention at the recipient: {retention}</source>
        <translation>제공받는 곳의 보유 기간: {retention}</translation>
    </message>
    <message>
        <source>Withdrawn on {date}, asked for by {who}. No letter can rely on it.</source>
        <translation>{date}에 {who}의 요청으로 철회했습니다. 이 동의로는 공문을 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>On {date} a supervisor allowed one letter without consent. Reason: {reason}</source>
        <translation>{date}에 슈퍼바이저가 동의 없이 공문 한 건을 예외 승인했습니다. 사유: {reason}</translation>
    </message>
    <message>
        <source>No consent: no letter can be sent to this institution.</source>
        <translation>동의 없음: 이 기관에는 공문을 보낼 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Earlier withdrawals of this consent: %n</source>
        <translation>
            <numerusform>이 동의의 이전 철회: %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Letters sent on a supervisor override: {numbers}</source>
        <translation>예외 승인으로 보낸 공문: {numbers}</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>줄을 고르면 자세한 내용이 보입니다.</translation>
    </message>
    <message>
        <source>Preparing the consent form…</source>
        <translation>동의서를 만드는 중…</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>동의서</translation>
    </message>
    <message>
        <source>consent-form.pdf</source>
        <translation>동의서.pdf</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>Crisis protocol</source>
        <translation>위기 대응 절차</translation>
    </message>
    <message>
        <source>Act now: this intake raised a crisis alert</source>
        <translation>지금 조치하세요: 이 초기상담에서 위기 알림이 발생했습니다</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>지금 할 일</translation>
    </message>
    <message>
        <source>Crisis numbers</source>
        <translation>위기 상담 전화</translation>
    </message>
    <message>
        <source>Numbers last checked: {date}</source>
        <translation>전화번호 최종 확인일: {date}</translation>
    </message>
    <message>
        <source>What did you do? Who was contacted, when, and with what result (required to close this window):</source>
        <translation>어떤 조치를 했나요? 누구에게 언제 연락했고 결과가 어땠는지 적어 주세요 (이 창을 닫으려면 꼭 적어야 합니다):</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>취한 조치</translation>
    </message>
    <message>
        <source>This window closes only after you write down the action taken.</source>
        <translation>취한 조치를 적어야 이 창을 닫을 수 있습니다.</translation>
    </message>
    <message>
        <source>Record the action and close</source>
        <translation>조치 기록 후 닫기</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <source>Destroy a case</source>
        <translation>사례 파기</translation>
    </message>
    <message>
        <source>The person, the case, intakes, notes, plans, consents, referrals, letters and drafts are deleted for good. Only a record without personal content stays in the access log. Backups made before today still hold the case until they are rotated out.</source>
        <translation>대상자, 사례, 초기상담지, 상담 기록, 계획, 동의, 의뢰, 공문, 임시 저장 내용이 영구히 삭제됩니다. 개인정보가 없는 파기 기록만 접근 기록에 남습니다. 오늘 이전에 만든 백업에는 순환 삭제될 때까지 이 사례가 남아 있습니다.</translation>
    </message>
    <message>
        <source>e.g. 2025-00012</source>
        <translation>예: 2025-00012</translation>
    </message>
    <message>
        <source>e.g. retention period of 5 years after closure has passed</source>
        <translation>예: 종결 후 보존 기간 5년 경과</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>사례번호:</translation>
    </message>
    <message>
        <source>Type it again to confirm:</source>
        <translation>확인을 위해 다시 입력:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>사례:</translation>
    </message>
    <message>
        <source>Type the case number to confirm:</source>
        <translation>확인을 위해 사례번호 입력:</translation>
    </message>
    <message>
        <source>Basis (reason):</source>
        <translation>근거 (사유):</translation>
    </message>
    <message>
        <source>Destroy for good</source>
        <translation>영구 파기</translation>
    </message>
    <message>
        <source>The case number typed does not match.</source>
        <translation>입력한 사례번호가 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Give the basis for the destruction.</source>
        <translation>파기 근거를 적어 주세요.</translation>
    </message>
    <message>
        <source>Destroying the case and compacting the vault…</source>
        <translation>사례를 파기하고 보관함을 정리하는 중…</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>중복 사례 확인</translation>
    </message>
    <message>
        <source>This person may already have a case: same name and date of birth, or same mobile number. Open the existing case instead of starting a second one?</source>
        <translation>이 사람의 사례가 이미 있을 수 있습니다 (이름과 생년월일이 같거나 휴대전화 번호가 같음). 사례를 새로 만들지 말고 기존 사례를 열까요?</translation>
    </message>
    <message>
        <source>Existing cases</source>
        <translation>기존 사례</translation>
    </message>
    <message>
        <source>Open the existing case</source>
        <translation>기존 사례 열기</translation>
    </message>
    <message>
        <source>Create a new case anyway</source>
        <translation>그래도 새 사례 만들기</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>입력 화면으로 돌아가기</translation>
    </message>
    <message>
        <source>{name} · born {birth} · {number} · {stage} · {counsellor}</source>
        <translation>{name} · {birth}생 · {number} · {stage} · {counsellor}</translation>
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
        <source>Case {case} is damaged or incomplete: part of it is missing or was changed outside intake-desktop. Nothing was changed; restore the last good backup.</source>
        <translation>사례 {case}의 기록이 손상되었거나 일부가 없습니다. intake-desktop 밖에서 일부가 삭제되거나 바뀌었습니다. 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
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
        <source>{count} field(s) need attention; nothing was saved.</source>
        <translation>확인이 필요한 항목이 {count}개 있습니다. 아무것도 저장되지 않았습니다.</translation>
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
        <source>Record the consent to collection and use first: without it no other consent counts and no letter can be made.</source>
        <translation>수집·이용 동의를 먼저 기록하세요. 이 동의가 없으면 다른 동의는 효력이 없고 의뢰서도 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>These items are sensitive information ({items}): record the separate sensitive-information consent first, or leave them out.</source>
        <translation>민감정보 항목입니다({items}). 별도의 민감정보 동의를 먼저 기록하거나 이 항목을 빼 주세요.</translation>
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
        <source>The passphrase is too weak: use at least {min_length} characters that are not easy to guess, best a few unrelated words.</source>
        <translation>비밀번호가 너무 약합니다. 추측하기 어려운 {min_length}자 이상으로, 서로 관계없는 단어 몇 개를 이어 쓰는 것이 좋습니다.</translation>
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
        <source>{path} is held open by another program (a virus scanner or a sync tool, for example). Nothing was changed; wait a moment and try again.</source>
        <translation>다른 프로그램(백신이나 동기화 프로그램 등)이 {path} 파일을 열고 있습니다. 아무것도 바뀌지 않았습니다. 잠시 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The path {path} is too long for Windows (260 characters at most). Choose a folder with a shorter path.</source>
        <translation>{path} 경로가 Windows에서 쓰기에는 너무 깁니다(최대 260자). 경로가 더 짧은 폴더를 고르세요.</translation>
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
        <source>nested more than {max} levels deep</source>
        <translation>괄호가 {max}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{field}: given twice on one line.</source>
        <translation>{field}: 한 줄에 두 번 들어 있습니다.</translation>
    </message>
    <message>
        <source>the line is too long (at most {max} bytes)</source>
        <translation>줄이 너무 깁니다(최대 {max}바이트)</translation>
    </message>
    <message>
        <source>{count} more problem(s) on this line</source>
        <translation>이 줄에 문제가 {count}개 더 있습니다</translation>
    </message>
    <message>
        <source>The file {path} holds no records.</source>
        <translation>{path} 파일에 기록이 없습니다.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a folder, pipe or device cannot be imported). Save the records to a file first.</source>
        <translation>{path}은(는) 일반 파일이 아닙니다(폴더, 파이프, 장치는 가져올 수 없습니다). 먼저 기록을 파일로 저장하세요.</translation>
    </message>
    <message>
        <source>The file {path} has more than {max} lines; nothing was imported. Split it into smaller files.</source>
        <translation>{path} 파일이 {max}줄을 넘습니다. 아무것도 가져오지 않았습니다. 파일을 더 작게 나누세요.</translation>
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
        <source>The centre&apos;s address and contact details are missing, so the partner could not reply. Fill them in under Administration → Centre profile; no letter was made.</source>
        <translation>센터 주소와 연락처가 없어 기관이 회신할 방법이 없습니다. 관리 → 센터 정보에서 입력해 주세요. 의뢰서는 만들어지지 않았습니다.</translation>
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
    <message>
        <source>Unknown reply result: {result} (joined, declined or unreachable).</source>
        <translation>알 수 없는 회신 결과입니다: {result} (joined, declined, unreachable 중 하나).</translation>
    </message>
    <message>
        <source>The referral is already {status}: a reply slip saying {result} cannot be recorded on it.</source>
        <translation>이 연계는 이미 ‘{status}’ 상태라서 ‘{result}’ 회신서를 등록할 수 없습니다.</translation>
    </message>
    <message>
        <source>Letter {letter} has no referral to record a reply on.</source>
        <translation>공문 {letter}에는 회신을 등록할 연계 기록이 없습니다.</translation>
    </message>
    <message>
        <source>{value} is not a month; write it as YYYY-MM (for example 2025-05).</source>
        <translation>{value}은(는) 올바른 연월이 아닙니다. YYYY-MM 형식으로 적어 주세요 (예: 2025-05).</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>기간의 끝({end})이 시작({start})보다 앞섭니다.</translation>
    </message>
    <message>
        <source>A report covers at most {max} months.</source>
        <translation>보고서 기간은 최대 {max}개월입니다.</translation>
    </message>
    <message>
        <source>A report is saved as .pdf, .csv or .xlsx, not {suffix}.</source>
        <translation>보고서는 .pdf, .csv, .xlsx로만 저장할 수 있습니다({suffix}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and try again.</source>
        <translation>프린터를 시작할 수 없습니다. 프린터가 켜져 있는지 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The print system did not take the document. Check the printer and try again. ({detail})</source>
        <translation>인쇄 시스템이 문서를 받지 않았습니다. 프린터를 확인하고 다시 시도하세요. ({detail})</translation>
    </message>
    <message>
        <source>No print system was found on this computer (the lp command of CUPS is missing).</source>
        <translation>이 컴퓨터에서 인쇄 시스템을 찾지 못했습니다(CUPS의 lp 명령이 없습니다).</translation>
    </message>
    <message>
        <source>There is no printer named {name}. The printers here: {names}.</source>
        <translation>‘{name}’ 프린터가 없습니다. 이 컴퓨터의 프린터: {names}.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer, and none is chosen as the default.</source>
        <translation>이 컴퓨터에 설정된 프린터가 없고, 기본 프린터도 정해져 있지 않습니다.</translation>
    </message>
    <message>
        <source>Several printers are set up and none is the default: choose one ({names}).</source>
        <translation>프린터가 여러 대 있고 기본 프린터가 없습니다. 하나를 고르세요({names}).</translation>
    </message>
    <message>
        <source>Copies must be between 1 and {most}.</source>
        <translation>매수는 1부터 {most}까지 정할 수 있습니다.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full: the vault cannot be opened until some space is freed (even reading needs a little room). Nothing was changed.</source>
        <translation>{path}이(가) 있는 디스크가 가득 찼습니다. 공간을 비울 때까지 보관함을 열 수 없습니다(읽기에도 약간의 공간이 필요합니다). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The disk is full, so this access cannot be written to the access log, which the law requires; nothing was shown or changed. Free some space and try again.</source>
        <translation>디스크가 가득 차서 이번 열람을 법으로 정한 접근 기록에 남길 수 없습니다. 그래서 아무것도 보여 주거나 바꾸지 않았습니다. 공간을 비운 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Records were deleted from the vault outside intake-desktop (table {table}). Nothing was changed; restore the last good backup.</source>
        <translation>intake-desktop 밖에서 보관함의 기록이 삭제되었습니다(표 {table}). 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>Records of case {case} were deleted from the vault outside intake-desktop (table {table}). Nothing was changed; restore the last good backup.</source>
        <translation>intake-desktop 밖에서 사례 {case}의 기록이 삭제되었습니다(표 {table}). 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>Records were added to the vault outside intake-desktop, for example an old record put back (table {table}). Nothing was changed; restore the last good backup.</source>
        <translation>intake-desktop 밖에서 보관함에 기록이 추가되었습니다. 예를 들어 지운 옛 기록을 되살린 경우입니다(표 {table}). 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>A record in the vault was changed or rolled back to an older version outside intake-desktop (table {table}). Nothing was changed; restore the last good backup.</source>
        <translation>intake-desktop 밖에서 보관함의 기록이 바뀌었거나 이전 버전으로 되돌려졌습니다(표 {table}). 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>The vault&apos;s integrity record is missing or damaged, or part of the vault was rolled back. Nothing was changed; restore the last good backup.</source>
        <translation>보관함의 무결성 기록이 없거나 손상되었습니다. 또는 보관함의 일부가 이전 상태로 되돌려졌습니다. 아무것도 바뀌지 않았습니다. 마지막 정상 백업을 복원하세요.</translation>
    </message>
    <message>
        <source>The centre server {server} could not be reached ({reason}). Nothing was changed here; work goes on with this PC&apos;s vault and syncs when the server answers.</source>
        <translation>센터 서버 {server}에 연결할 수 없습니다({reason}). 이 PC에서는 아무것도 바뀌지 않았습니다. 이 PC의 보관함으로 계속 일할 수 있고, 서버가 응답하면 동기화됩니다.</translation>
    </message>
    <message>
        <source>This PC is not connected to a centre server. Use &apos;server init&apos; or &apos;join&apos; first.</source>
        <translation>이 PC는 센터 서버에 연결되어 있지 않습니다. 먼저 &apos;server init&apos; 또는 &apos;join&apos;을 실행하세요.</translation>
    </message>
    <message>
        <source>No centre server address: give --database-url or set INTAKE_DATABASE_URL.</source>
        <translation>센터 서버 주소가 없습니다. --database-url을 주거나 INTAKE_DATABASE_URL을 설정하세요.</translation>
    </message>
    <message>
        <source>The database {server} already holds another centre&apos;s vault. Nothing was changed.</source>
        <translation>데이터베이스 {server}에 이미 다른 센터의 보관함이 있습니다. 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>The database {server} holds no centre vault yet. Run &apos;server init&apos; on the first PC.</source>
        <translation>데이터베이스 {server}에 아직 센터 보관함이 없습니다. 첫 PC에서 &apos;server init&apos;을 실행하세요.</translation>
    </message>
    <message>
        <source>The centre server {server} holds another centre&apos;s vault, not this one. Nothing was changed.</source>
        <translation>센터 서버 {server}에는 이 보관함이 아닌 다른 센터의 보관함이 있습니다. 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>The centre server was set up again or replaced (its identity changed). Sync refused so that no newer change is lost; ask the person who runs the server.</source>
        <translation>센터 서버가 새로 설정되었거나 바뀌었습니다(서버 식별값이 달라짐). 최근 변경이 사라지지 않도록 동기화를 거부했습니다. 서버 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The centre server went back in time (it holds fewer changes than this PC already received: restored from an older backup?). Sync refused so that no newer change is lost; ask the person who runs the server.</source>
        <translation>센터 서버가 과거 상태로 되돌아갔습니다(이 PC가 이미 받은 것보다 변경이 적습니다. 오래된 백업으로 복원했나요?). 최근 변경이 사라지지 않도록 동기화를 거부했습니다. 서버 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The centre server sent {count} record(s) that were changed, moved or rolled back on the server. They were not applied; ask the person who runs the server.</source>
        <translation>센터 서버가 서버에서 바뀌었거나 옮겨졌거나 되돌려진 기록 {count}건을 보냈습니다. 반영하지 않았습니다. 서버 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The centre server did not deliver {count} record(s) that another PC sent to it (removed on the server?). Nothing of this sync was applied; ask the person who runs the server.</source>
        <translation>센터 서버가 다른 PC가 보낸 기록 {count}건을 전달하지 않았습니다(서버에서 지워졌나요?). 이번 동기화는 아무것도 반영하지 않았습니다. 서버 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The centre server was set up by a newer version of intake-desktop. Install the newer version.</source>
        <translation>센터 서버는 더 새로운 버전의 intake-desktop으로 설정되었습니다. 새 버전을 설치하세요.</translation>
    </message>
    <message>
        <source>There is no conflict for that record.</source>
        <translation>그 기록에는 충돌이 없습니다.</translation>
    </message>
    <message>
        <source>This PC has used all the numbers it reserved from the centre server. Connect to the office network and sync, then try again.</source>
        <translation>이 PC가 센터 서버에서 받아 둔 번호를 모두 썼습니다. 사무실 네트워크에 연결해 동기화한 뒤 다시 해 주세요.</translation>
    </message>
    <message>
        <source>The centre server&apos;s copy of the access log of PC {pc}: event {idx} was changed.</source>
        <translation>센터 서버에 있는 PC {pc}의 접근 기록 사본에서 {idx}번 기록이 바뀌었습니다.</translation>
    </message>
    <message>
        <source>The centre server&apos;s copy of the access log of PC {pc}: events are missing or out of order before event {idx}.</source>
        <translation>센터 서버에 있는 PC {pc}의 접근 기록 사본에서 {idx}번 기록 앞의 기록이 빠졌거나 순서가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>The centre server&apos;s copy of the access log of PC {pc} ends at event {count}, but this PC has already seen {seen} events of it.</source>
        <translation>센터 서버에 있는 PC {pc}의 접근 기록 사본은 {count}번 기록에서 끝나지만, 이 PC는 이미 그 기록을 {seen}건까지 보았습니다.</translation>
    </message>
    <message>
        <source>{name} is not a PDF, JPEG or PNG file (checked by its content, not its name). Nothing was attached.</source>
        <translation>{name}은(는) PDF, JPEG, PNG 파일이 아닙니다(파일 이름이 아니라 내용으로 확인합니다). 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB. Scan it again at 300 dpi, or in several parts. Nothing was attached.</source>
        <translation>{name}이(가) {limit}MB보다 큽니다. 300dpi로 다시 스캔하거나 여러 부분으로 나누어 스캔하십시오. 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <source>Unknown kind of document: {kind} (consent, reply or other).</source>
        <translation>알 수 없는 문서 종류입니다: {kind} (consent, reply, other 중 하나).</translation>
    </message>
    <message>
        <source>Case {case} has no consent or referral {record}.</source>
        <translation>사례 {case}에는 동의 또는 연계·의뢰 기록 {record}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>A document belongs to one consent or one referral, not both.</source>
        <translation>문서 하나는 동의 하나 또는 연계·의뢰 하나에만 속할 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no attached document {attachment}.</source>
        <translation>첨부 문서 {attachment}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The attached document {name} failed its check: it was changed, cut short or mixed with another document outside intake-desktop. Nothing was shown or saved; restore the last good backup.</source>
        <translation>첨부 문서 {name}이(가) 검사를 통과하지 못했습니다. intake-desktop 밖에서 바뀌었거나, 잘렸거나, 다른 문서와 뒤섞였습니다. 아무것도 표시하거나 저장하지 않았습니다. 마지막 정상 백업을 복원하십시오.</translation>
    </message>
    <message>
        <source>Only the person who attached this document or a supervisor may delete it.</source>
        <translation>이 문서를 첨부한 사람이나 팀장만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>The letters register is saved as .csv or .xlsx, not {suffix}.</source>
        <translation>발송 대장은 .csv나 .xlsx로만 저장할 수 있습니다({suffix}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>Column {column} ({header}) holds resident registration numbers (주민등록번호). The centre records the birth date only: delete that column from the file (keep a 생년월일 column) and import again. Nothing was imported.</source>
        <translation>{column} 열({header})에 주민등록번호가 있습니다. 센터는 생년월일만 기록합니다. 파일에서 그 열을 지우고(생년월일 열은 남겨 두세요) 다시 가져오세요. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>The mapping file {path} cannot be used: {reason}. Write it as {{&quot;columns&quot;: {{&quot;header or column letter&quot;: &quot;field id&quot;}}}}.</source>
        <translation>열 지정 파일 {path}을(를) 쓸 수 없습니다: {reason}. {{&quot;columns&quot;: {{&quot;열 제목 또는 열 문자&quot;: &quot;항목 id&quot;}}}} 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>The mapping file {path} names {target}, which is not a field that can be imported.</source>
        <translation>열 지정 파일 {path}에 적힌 {target}은(는) 가져올 수 있는 항목이 아닙니다.</translation>
    </message>
    <message>
        <source>The mapping file {path} names the column {column}, which the sheet does not have.</source>
        <translation>열 지정 파일 {path}에 적힌 {column} 열이 시트에 없습니다.</translation>
    </message>
    <message>
        <source>Columns {first} and {second} both fill {target}; leave one of them out.</source>
        <translation>{first} 열과 {second} 열이 모두 {target} 항목에 들어갑니다. 하나는 가져오지 않음으로 두세요.</translation>
    </message>
    <message>
        <source>looks like a resident registration number (주민등록번호); the centre records the birth date only. Delete these numbers from the file</source>
        <translation>주민등록번호로 보입니다. 센터는 생년월일만 기록합니다. 파일에서 이 번호를 지우세요</translation>
    </message>
    <message>
        <source>probably the same person as case {case} already in the vault (same name and birth date, or the same mobile number)</source>
        <translation>이미 등록된 사례 {case}와(과) 같은 사람으로 보입니다(이름과 생년월일 또는 휴대전화가 같음)</translation>
    </message>
    <message>
        <source>probably the same person as row {row} above (same name and birth date, or the same mobile number)</source>
        <translation>위의 {row}행과 같은 사람으로 보입니다(이름과 생년월일 또는 휴대전화가 같음)</translation>
    </message>
    <message>
        <source>{value}: no active account has this name or user name</source>
        <translation>{value}: 이 이름이나 사용자 이름의 계정이 없습니다</translation>
    </message>
    <message>
        <source>{value}: only a supervisor can import cases for another counsellor</source>
        <translation>{value}: 다른 상담자의 사례로 가져오기는 팀장(슈퍼바이저)만 할 수 있습니다</translation>
    </message>
    <message>
        <source>{count} row(s) have problems; nothing was imported.</source>
        <translation>{count}개 행에 문제가 있습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>{path}: only .xlsx, .csv and .jsonl files can be imported (an old .xls file: save it as .xlsx first).</source>
        <translation>{path}: .xlsx, .csv, .jsonl 파일만 가져올 수 있습니다(예전 .xls 파일은 먼저 .xlsx로 저장하세요).</translation>
    </message>
    <message>
        <source>{path} is not an Excel workbook (.xlsx) that can be read: {reason}</source>
        <translation>{path}은(는) 읽을 수 있는 엑셀 파일(.xlsx)이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is too large to import (at most {max} MB); split it into smaller files.</source>
        <translation>{path}은(는) 너무 커서 가져올 수 없습니다(최대 {max} MB). 파일을 나누세요.</translation>
    </message>
    <message>
        <source>{path} is neither UTF-8 nor CP949 (Korean Windows) text; save it from Excel as &quot;CSV UTF-8&quot;.</source>
        <translation>{path}은(는) UTF-8도 CP949(한글 윈도우)도 아닙니다. 엑셀에서 &quot;CSV UTF-8&quot;로 저장하세요.</translation>
    </message>
    <message>
        <source>{path} holds no worksheet with data.</source>
        <translation>{path}에 자료가 있는 시트가 없습니다.</translation>
    </message>
    <message>
        <source>{path} has more than {max} rows; nothing was imported. Split it into smaller files.</source>
        <translation>{path}은(는) {max}행이 넘습니다. 아무것도 가져오지 않았습니다. 파일을 나누세요.</translation>
    </message>
    <message>
        <source>{path} has more than {max} columns; is this the right sheet?</source>
        <translation>{path}은(는) 열이 {max}개가 넘습니다. 맞는 시트인지 확인하세요.</translation>
    </message>
    <message>
        <source>not a date that can be read (write it as 1999-03-02, 1999.3.2, 99-03-02 or 1999년 3월 2일)</source>
        <translation>날짜로 읽을 수 없습니다(1999-03-02, 1999.3.2, 99-03-02, 1999년 3월 2일처럼 쓰세요)</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>숫자가 아닙니다</translation>
    </message>
    <message>
        <source>more than {max} characters</source>
        <translation>{max}자를 넘습니다</translation>
    </message>
    <message>
        <source>A correction needs the reason (what the person asked for).</source>
        <translation>정정하려면 사유(본인이 요청한 내용)를 적어야 합니다.</translation>
    </message>
    <message>
        <source>The reason is longer than {max} characters.</source>
        <translation>사유는 {max}자를 넘을 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no change {change} in this case&apos;s history.</source>
        <translation>이 사례의 변경 이력에 {change} 항목이 없습니다.</translation>
    </message>
    <message>
        <source>That change was not a correction at the person&apos;s request: there is no correction notice for it.</source>
        <translation>이 변경은 본인 요청에 따른 정정이 아니어서 정정 통지서가 없습니다.</translation>
    </message>
    <message>
        <source>This record can only be kept whole: choose this PC&apos;s version or the other one.</source>
        <translation>이 기록은 항목별로 나눌 수 없습니다. 이 PC의 내용이나 다른 PC의 내용 중 하나를 고르세요.</translation>
    </message>
    <message>
        <source>A version of this conflicting record failed its integrity check and cannot be shown.</source>
        <translation>충돌한 기록의 내용 중 하나가 무결성 검사를 통과하지 못해 보여 드릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ExportReasonDialog</name>
    <message>
        <source>Download the access log</source>
        <translation>접근 기록 내려받기</translation>
    </message>
    <message>
        <source>Events from {start} to {end} will be saved as a CSV file (UTF-8, opens in Excel). The download and its reason are recorded in the log.</source>
        <translation>{start}부터 {end}까지의 기록을 CSV 파일(UTF-8, 엑셀에서 열림)로 저장합니다. 내려받은 사실과 사유는 접근 기록에 남습니다.</translation>
    </message>
    <message>
        <source>e.g. quarterly inspection by the district office</source>
        <translation>예: 구청 분기 점검</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>파일 고르기…</translation>
    </message>
    <message>
        <source>Say why the access log is being downloaded.</source>
        <translation>접근 기록을 내려받는 이유를 적어 주세요.</translation>
    </message>
</context>
<context>
    <name>FigurePage</name>
    <message>
        <source>Total</source>
        <translation>계</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Count ({unit})</source>
        <translation>수 ({unit})</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>비율 (%)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All stages</source>
        <translation>모든 단계</translation>
    </message>
    <message>
        <source>Open cases (before closure)</source>
        <translation>진행 중인 사례 (종결 전)</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>단계로 거르기</translation>
    </message>
    <message>
        <source>Every risk level</source>
        <translation>모든 위험도</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>평가 전</translation>
    </message>
    <message>
        <source>Filter by risk level</source>
        <translation>위험도로 거르기</translation>
    </message>
    <message>
        <source>&amp;My cases</source>
        <translation>내 사례(&amp;M)</translation>
    </message>
    <message>
        <source>Only cases assigned to you</source>
        <translation>내가 담당한 사례만</translation>
    </message>
    <message>
        <source>&amp;Overdue follow-ups</source>
        <translation>연락 예정일 지남(&amp;O)</translation>
    </message>
    <message>
        <source>Only cases whose next follow-up date has passed</source>
        <translation>다음 연락 예정일이 지난 사례만</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>조건 지우기</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>단계(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>위험도(&amp;R):</translation>
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
    <name>FollowUpsModel</name>
    <message>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>What</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 지남</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Follow-ups</source>
        <translation>후속 조치</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>e.g. text message to ask how the first group meeting went</source>
        <translation>예: 첫 모임이 어땠는지 문자로 묻기</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>A&amp;dd follow-up</source>
        <translation>후속 조치 추가(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>기한(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>할 일(&amp;W):</translation>
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
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>사용 안내</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>안내서에서 찾기</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>찾기(&amp;F):</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음 찾기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>The user guide could not be found in this installation.</source>
        <translation>이 설치본에서 사용 안내서를 찾을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Personal details</source>
        <translation>인적사항</translation>
    </message>
    <message>
        <source>Case overview</source>
        <translation>사례 개요</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>초기상담</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>서비스 계획</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>Road address</source>
        <translation>도로명주소</translation>
    </message>
    <message>
        <source>Address details</source>
        <translation>상세주소</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>사례관리 단계</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>위기 수준</translation>
    </message>
    <message>
        <source>In crisis</source>
        <translation>위기 상황</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일자</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>연계 기관</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>목표일</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Kind of consent</source>
        <translation>동의 종류</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>동의 여부</translation>
    </message>
    <message>
        <source>How it was given</source>
        <translation>동의 방법</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>입회자</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>법정대리인</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>관계</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>기록자</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>제공받는 자</translation>
    </message>
    <message>
        <source>Items provided</source>
        <translation>제공 항목</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>이용 목적</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>보유 기간</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>요청자</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>사용 여부</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>사용 내역</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>문서번호</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>By</source>
        <translation>처리자</translation>
    </message>
    <message>
        <source>How the session took place</source>
        <translation>상담 방법</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>상담 시간(분)</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>다음 계획</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>예정일</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>완료일</translation>
    </message>
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
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>달성</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>서면 서명</translation>
    </message>
    <message>
        <source>Verbal, with a witness</source>
        <translation>구두 (입회자 확인)</translation>
    </message>
    <message>
        <source>Collection and use</source>
        <translation>수집·이용</translation>
    </message>
    <message>
        <source>Sensitive information</source>
        <translation>민감정보</translation>
    </message>
    <message>
        <source>Provision to a third party</source>
        <translation>제3자 제공</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>관리자 예외 승인</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>변경한 사람</translation>
    </message>
    <message>
        <source>What</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>이전 값</translation>
    </message>
    <message>
        <source>After</source>
        <translation>새 값</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>정정 사유</translation>
    </message>
    <message>
        <source>Every change to the person&apos;s details, the case overview, intakes, the service plan and consents, newest first. Corrections made at the person&apos;s request are highlighted with their reason.</source>
        <translation>인적사항, 사례 개요, 초기상담, 서비스 계획, 동의에 대한 모든 변경을 최근 것부터 보여 줍니다. 본인 요청에 따른 정정은 사유와 함께 색으로 표시됩니다.</translation>
    </message>
    <message>
        <source>No changes have been recorded for this case.</source>
        <translation>이 사례에 기록된 변경 이력이 없습니다.</translation>
    </message>
    <message>
        <source>Correction &amp;notice…</source>
        <translation>정정 통지서(&amp;N)…</translation>
    </message>
    <message>
        <source>Print or save the notice telling the person what was corrected</source>
        <translation>무엇을 정정했는지 본인에게 알리는 통지서를 인쇄하거나 저장합니다</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>정정 통지서</translation>
    </message>
    <message>
        <source>Correction notice.pdf</source>
        <translation>정정 통지서.pdf</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Only cases assigned to me</source>
        <translation>내 담당 사례만</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>백업</translation>
    </message>
    <message numerus="yes">
        <source>Follow-ups due today (%n)</source>
        <translation>
            <numerusform>오늘 할 후속 조치 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>오늘 할 후속 조치가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Overdue follow-ups (%n)</source>
        <translation>
            <numerusform>기한 지난 후속 조치 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>기한이 지난 후속 조치가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Referrals waiting for a reply (회신) (%n)</source>
        <translation>
            <numerusform>회신을 기다리는 의뢰 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No partner&apos;s reply is late.</source>
        <translation>회신이 늦은 기관이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Active crisis flags (%n)</source>
        <translation>
            <numerusform>위기 표시 중인 사례 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No case has an active crisis flag.</source>
        <translation>위기 표시 중인 사례가 없습니다.</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>오늘 ({date})</translation>
    </message>
    <message>
        <source>{name} · {number} · {stage}</source>
        <translation>{name} · {number} · {stage}</translation>
    </message>
    <message numerus="yes">
        <source>{name} · {number} · was due {date} (%n day(s) ago)</source>
        <translation>
            <numerusform>{name} · {number} · 기한 {date} (%n일 지남)</numerusform>
        </translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>평가 전</translation>
    </message>
    <message>
        <source>{name} · {number} · risk: {risk}</source>
        <translation>{name} · {number} · 위험도: {risk}</translation>
    </message>
    <message numerus="yes">
        <source>{name} · {number} · {partner}: reply was due {date} (%n day(s) late)</source>
        <translation>
            <numerusform>{name} · {number} · {partner}: 회신 기한 {date} (%n일 지남)</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ No backup yet. Ask your administrator to make one today: without a backup, a broken or lost computer means every record is gone.</source>
        <translation>⚠ 아직 백업이 없습니다. 오늘 관리자에게 백업을 부탁하세요. 백업이 없으면 컴퓨터가 고장 나거나 없어졌을 때 모든 기록을 잃습니다.</translation>
    </message>
    <message>
        <source>Last good backup: today ({date}).</source>
        <translation>마지막 정상 백업: 오늘 ({date})</translation>
    </message>
    <message numerus="yes">
        <source>Last good backup: {date} (%n day(s) ago).</source>
        <translation>
            <numerusform>마지막 정상 백업: {date} (%n일 전)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HowGivenFields</name>
    <message>
        <source>Signed form</source>
        <translation>서명 동의서</translation>
    </message>
    <message>
        <source>Verbal, with a witness</source>
        <translation>구두 동의 (입회인 있음)</translation>
    </message>
    <message>
        <source>Name of the witness</source>
        <translation>입회인 이름</translation>
    </message>
    <message>
        <source>e.g. mother, father, guardian</source>
        <translation>예: 어머니, 아버지, 후견인</translation>
    </message>
    <message>
        <source>Date given:</source>
        <translation>동의일:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>입회인:</translation>
    </message>
    <message>
        <source>Legal guardian:</source>
        <translation>법정대리인:</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>관계:</translation>
    </message>
    <message>
        <source>The young person is under 14 on this date: a legal guardian must consent. Give the guardian&apos;s name and relationship.</source>
        <translation>이 날짜에 만 14세 미만입니다. 법정대리인이 동의해야 하니 법정대리인의 이름과 관계를 적어 주세요.</translation>
    </message>
    <message>
        <source>The birth date is not recorded. If the young person is under 14, a legal guardian must consent.</source>
        <translation>생년월일이 기록되어 있지 않습니다. 만 14세 미만이면 법정대리인이 동의해야 합니다.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Postal code</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>Road-name address</source>
        <translation>도로명주소</translation>
    </message>
    <message>
        <source>Address detail</source>
        <translation>상세주소</translation>
    </message>
    <message>
        <source>Counsellor in charge (account)</source>
        <translation>담당 상담자 (계정)</translation>
    </message>
    <message>
        <source>Import from Excel or CSV</source>
        <translation>엑셀·CSV에서 가져오기</translation>
    </message>
    <message>
        <source>An .xlsx workbook (first sheet) or a .csv file</source>
        <translation>엑셀 파일(.xlsx, 첫 번째 시트) 또는 CSV 파일</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Columns&lt;/b&gt; — which field each column fills</source>
        <translation>&lt;b&gt;열 확인&lt;/b&gt; — 각 열이 어느 항목에 들어가는지</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>첫 번째 값</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>들어갈 항목</translation>
    </message>
    <message>
        <source>Leave out people already in the vault (otherwise they are problems)</source>
        <translation>이미 등록된 사람은 빼고 가져오기 (끄면 문제로 표시)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Choose the sheet to import</source>
        <translation>가져올 명단 파일 선택</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>명단 파일 (*.xlsx *.csv);;엑셀 파일 (*.xlsx);;CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>가져오지 않음</translation>
    </message>
    <message>
        <source>Field for column {column}</source>
        <translation>{column} 열이 들어갈 항목</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>모든 행을 검사하는 중…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Importing… {done} of {total}</source>
        <translation>가져오는 중… {total}건 중 {done}건</translation>
    </message>
    <message>
        <source>Rows left out (already in the vault): {rows}.</source>
        <translation>뺀 행(이미 등록된 사람): {rows}.</translation>
    </message>
    <message>
        <source>All {count} row(s) can be imported.</source>
        <translation>{count}개 행을 모두 가져올 수 있습니다.</translation>
    </message>
    <message>
        <source>{count} case(s) imported.</source>
        <translation>사례 {count}건을 가져왔습니다.</translation>
    </message>
    <message>
        <source>{count} row(s) have problems; nothing can be imported until they are corrected in the file (or their column is left out). Correct the file, then choose it again.</source>
        <translation>{count}개 행에 문제가 있습니다. 파일에서 고치기 전(또는 그 열을 가져오지 않음으로 두기 전)에는 아무것도 가져올 수 없습니다. 파일을 고친 뒤 다시 선택하세요.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>* required. Answers are kept as an encrypted draft while you type.</source>
        <translation>* 필수. 입력하는 동안 응답은 암호화된 임시 저장본으로 보관됩니다.</translation>
    </message>
    <message>
        <source>Crisis alert: follow the crisis protocol now</source>
        <translation>위기 알림: 지금 위기 대응 절차를 따르세요</translation>
    </message>
    <message>
        <source>Record now and open the protocol</source>
        <translation>지금 저장하고 대응 절차 열기</translation>
    </message>
    <message>
        <source>The protocol opens when the intake is saved; what you did is recorded in the case.</source>
        <translation>초기상담지를 저장하면 대응 절차가 열립니다. 취한 조치는 사례에 기록됩니다.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <source>Pick the date on a calendar (Alt+Down in the field)</source>
        <translation>달력에서 날짜 고르기 (입력란에서 Alt+↓)</translation>
    </message>
    <message>
        <source>{field}: pick on a calendar</source>
        <translation>{field}: 달력에서 고르기</translation>
    </message>
    <message>
        <source>{min}–{max}</source>
        <translation>{min}–{max}</translation>
    </message>
    <message>
        <source>{field}: postal code</source>
        <translation>{field}: 우편번호</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>우편번호</translation>
    </message>
    <message>
        <source>{field}: road-name address</source>
        <translation>{field}: 도로명 주소</translation>
    </message>
    <message>
        <source>Road-name address, e.g. 서울특별시 중구 세종대로 110</source>
        <translation>도로명 주소 (예: 서울특별시 중구 세종대로 110)</translation>
    </message>
    <message>
        <source>{field}: detail (flat, floor)</source>
        <translation>{field}: 상세 주소 (동·층·호)</translation>
    </message>
    <message>
        <source>Detail: building, floor, flat (optional)</source>
        <translation>상세 주소: 건물, 층, 호 (선택)</translation>
    </message>
    <message>
        <source>{field}: {option}</source>
        <translation>{field}: {option}</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(응답 없음)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>{group} {number}</source>
        <translation>{group} {number}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove {group} {number}</source>
        <translation>{group} {number} 삭제</translation>
    </message>
    <message>
        <source>{group} {number}: {field}</source>
        <translation>{group} {number}: {field}</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>아직 입력한 줄이 없습니다.</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>줄 추가</translation>
    </message>
    <message>
        <source>{group}: add a row</source>
        <translation>{group}: 줄 추가</translation>
    </message>
    <message>
        <source>{instrument}, item {number}</source>
        <translation>{instrument} {number}번 문항</translation>
    </message>
    <message>
        <source>{item}: {value} {option}</source>
        <translation>{item}: {value} {option}</translation>
    </message>
    <message>
        <source>Parts of this instrument could not be checked against the original; read the notes before relying on it.</source>
        <translation>이 척도의 일부는 원본과 대조하지 못했습니다. 결과를 활용하기 전에 참고 사항을 읽어 보세요.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>출처: {source}</translation>
    </message>
    <message>
        <source>Use this optional instrument</source>
        <translation>이 선택 척도 사용</translation>
    </message>
    <message>
        <source>{field}: use this optional instrument</source>
        <translation>{field}: 이 선택 척도 사용</translation>
    </message>
    <message>
        <source>Keys {first}–{last} answer the item and move on; Delete clears an answer.</source>
        <translation>{first}–{last} 키로 응답하면 다음 문항으로 넘어갑니다. Delete 키는 응답을 지웁니다.</translation>
    </message>
    <message>
        <source>Use the proposed level</source>
        <translation>제안된 위험도 사용</translation>
    </message>
    <message>
        <source>{field}: use the proposed level</source>
        <translation>{field}: 제안된 위험도 사용</translation>
    </message>
    <message>
        <source>Proposed by the form&apos;s rules: {level}</source>
        <translation>양식 규칙에 따른 제안: {level}</translation>
    </message>
    <message>
        <source>… and %n more</source>
        <translation>… 외 %n개</translation>
    </message>
    <message>
        <source>No rule matched.</source>
        <translation>해당하는 규칙이 없습니다.</translation>
    </message>
    <message>
        <source>You chose a different level: write the reason below.</source>
        <translation>제안과 다른 위험도를 골랐습니다. 아래에 사유를 적어 주세요.</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>아직 응답 없음</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>묻지 않음</translation>
    </message>
    <message>
        <source>Not scorable: some answers are invalid</source>
        <translation>점수 계산 불가: 올바르지 않은 응답이 있음</translation>
    </message>
    <message>
        <source>Not scorable (%n missing)</source>
        <translation>점수 계산 불가 (%n개 문항 미응답)</translation>
    </message>
    <message>
        <source>{score} (range {min}–{max})</source>
        <translation>{score} (범위 {min}–{max})</translation>
    </message>
    <message>
        <source>estimated, %n item(s) missing</source>
        <translation>추정값, %n개 문항 미응답</translation>
    </message>
    <message>
        <source>Cut-off reached: {label}</source>
        <translation>절단점 이상: {label}</translation>
    </message>
    <message>
        <source>Scores (live)</source>
        <translation>점수 (실시간)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>영역</translation>
    </message>
    <message>
        <source>{title} ({missing})</source>
        <translation>{title} ({missing})</translation>
    </message>
    <message>
        <source>%n required answer(s) missing</source>
        <translation>필수 응답 %n개 빠짐</translation>
    </message>
    <message>
        <source>Required answers</source>
        <translation>필수 응답</translation>
    </message>
    <message>
        <source>Required answers: {answered} of {total}</source>
        <translation>필수 응답: {total}개 중 {answered}개</translation>
    </message>
    <message>
        <source>{label} *</source>
        <translation>{label} *</translation>
    </message>
    <message>
        <source>Answers that need attention</source>
        <translation>확인이 필요한 응답</translation>
    </message>
    <message>
        <source>Not saved: %n question(s) need an answer or a correction.</source>
        <translation>저장하지 않았습니다: 답하거나 고쳐야 할 질문이 %n개 있습니다.</translation>
    </message>
    <message>
        <source>Not saved: %n answer(s) need a correction.</source>
        <translation>저장하지 않았습니다: 고쳐야 할 답이 %n개 있습니다.</translation>
    </message>
    <message>
        <source>Required questions without an answer:</source>
        <translation>응답하지 않은 필수 문항:</translation>
    </message>
    <message>
        <source>Answers to correct:</source>
        <translation>고쳐야 할 응답:</translation>
    </message>
    <message>
        <source>Discard these answers</source>
        <translation>이 응답 버리기</translation>
    </message>
    <message>
        <source>Form version {version}</source>
        <translation>양식 {version}판</translation>
    </message>
    <message>
        <source>New intake · {version}</source>
        <translation>새 초기상담 · {version}</translation>
    </message>
    <message>
        <source>Intake of {date} · {version} (the version it was filled in on)</source>
        <translation>{date} 초기상담 · {version} (작성 당시 판)</translation>
    </message>
    <message>
        <source>Total: {score}</source>
        <translation>총점: {score}</translation>
    </message>
    <message>
        <source>Not part of this form</source>
        <translation>이 양식에 없음</translation>
    </message>
    <message>
        <source>Allowed: {min} to {max}.</source>
        <translation>입력 범위: {min}–{max}</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Saved intake · Form version {version}</source>
        <translation>저장된 초기상담 · 양식 {version}판</translation>
    </message>
    <message>
        <source>{name} (case {number})</source>
        <translation>{name} (사례 {number})</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>{time}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved as unfinished at {time}.</source>
        <translation>{time}에 작성 중으로 저장했습니다.</translation>
    </message>
    <message>
        <source>Answers not yet saved, kept at {time}, were restored.</source>
        <translation>{time}에 보관해 둔, 아직 저장하지 않은 응답을 되살렸습니다.</translation>
    </message>
    <message>
        <source>This intake was saved again after the draft was typed: check the answers before saving, or discard the draft.</source>
        <translation>임시 저장본을 입력한 뒤에 이 초기상담지가 다시 저장되었습니다. 저장하기 전에 응답을 확인하거나 임시 저장본을 버리세요.</translation>
    </message>
    <message>
        <source>They were typed on form version {version}; answers to questions this version lacks were left out.</source>
        <translation>이 응답은 양식 {version}판에서 입력한 것입니다. 지금 판에 없는 문항의 응답은 뺐습니다.</translation>
    </message>
    <message>
        <source>Draft kept (encrypted) at {time}.</source>
        <translation>{time}에 임시 저장했습니다 (암호화).</translation>
    </message>
</context>
<context>
    <name>IntakeFormDialog</name>
    <message>
        <source>Intake form of {whose} — {title}</source>
        <translation>{whose} 초기상담지 — {title}</translation>
    </message>
    <message>
        <source>Intake form — {title}</source>
        <translation>초기상담지 — {title}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save the intake as complete (Ctrl+S)</source>
        <translation>초기상담지를 완료로 저장 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save as unfinished</source>
        <translation>작성 중으로 저장</translation>
    </message>
    <message>
        <source>Store what is filled in; required questions may wait (Ctrl+Shift+S)</source>
        <translation>입력한 만큼 저장합니다. 필수 문항은 나중에 채워도 됩니다 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close the intake form?</source>
        <translation>초기상담지를 닫을까요?</translation>
    </message>
    <message>
        <source>Some answers are not saved yet.</source>
        <translation>아직 저장하지 않은 응답이 있습니다.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>변경 내용 버리기</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>계속 입력</translation>
    </message>
</context>
<context>
    <name>IntakeHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>양식</translation>
    </message>
</context>
<context>
    <name>IntakesTab</name>
    <message>
        <source>Intakes and re-assessments</source>
        <translation>초기상담 및 재사정</translation>
    </message>
    <message>
        <source>No intake yet. Start with “New intake…”.</source>
        <translation>아직 초기상담이 없습니다. ‘새 초기상담…’으로 시작하세요.</translation>
    </message>
    <message>
        <source>&amp;New intake / re-assessment…</source>
        <translation>새 초기상담 / 재사정(&amp;N)…</translation>
    </message>
    <message>
        <source>Op&amp;en</source>
        <translation>열기(&amp;E)</translation>
    </message>
    <message>
        <source>Scores over time (oldest to newest):</source>
        <translation>점수 변화 (오래된 순):</translation>
    </message>
</context>
<context>
    <name>ItemChecklist</name>
    <message>
        <source>The intake form lets nothing go to this kind of partner.</source>
        <translation>초기상담지 양식상 이 종류의 기관에 제공할 수 있는 항목이 없습니다.</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>모두 해제</translation>
    </message>
    <message>
        <source>[sensitive]</source>
        <translation>[민감정보]</translation>
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
        <source>Text messages</source>
        <translation>문자</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>화상 통화</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>아웃리치</translation>
    </message>
    <message>
        <source>At the centre</source>
        <translation>내방</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>달성</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>남성</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>여성</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>밝히지 않음</translation>
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
    <name>LetterDialog</name>
    <message>
        <source>Referral letter</source>
        <translation>연계 의뢰서</translation>
    </message>
    <message>
        <source>Choose an institution…</source>
        <translation>기관을 고르세요…</translation>
    </message>
    <message>
        <source>{partner} — consent: {state}</source>
        <translation>{partner} — 동의: {state}</translation>
    </message>
    <message>
        <source>Required: why you refer the young person to this institution</source>
        <translation>필수: 이 기관에 의뢰하는 이유</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>알고 있음</translation>
    </message>
    <message>
        <source>Partner institution:</source>
        <translation>협력 기관:</translation>
    </message>
    <message>
        <source>Add the reply slip as the last page (initials only)</source>
        <translation>마지막 쪽에 회신서 넣기 (이니셜만 표기)</translation>
    </message>
    <message>
        <source>A form the partner fills in by hand and sends back: result, service, reply date. It names the young person by initials only.</source>
        <translation>연계 기관이 연계 결과, 제공 서비스, 회신일을 손으로 적어 돌려보내는 양식입니다. 청년은 이니셜로만 표기됩니다.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Write the reason, then press Preview: the letter appears here exactly as it will be printed.</source>
        <translation>의뢰 사유를 적고 ‘미리 보기’를 누르면 인쇄될 모습 그대로 공문이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF로 저장…</translation>
    </message>
    <message>
        <source>Record the consent on the Consent tab first.</source>
        <translation>먼저 동의 탭에서 동의를 기록하세요.</translation>
    </message>
    <message>
        <source>No consent, but a supervisor allowed one letter: {reason}. Items: {items}</source>
        <translation>동의는 없지만 슈퍼바이저가 공문 한 건을 예외 승인했습니다: {reason}. 항목: {items}</translation>
    </message>
    <message>
        <source>Consent given for: {items}</source>
        <translation>동의한 항목: {items}</translation>
    </message>
    <message>
        <source>No sensitive-information consent: no health item will be printed.</source>
        <translation>민감정보 동의 없음: 건강 관련 항목은 인쇄되지 않습니다.</translation>
    </message>
    <message>
        <source>provision to {partner}</source>
        <translation>{partner} 제공 동의</translation>
    </message>
    <message>
        <source>Signed scan attached: {consents}</source>
        <translation>서명 스캔본 첨부: {consents}</translation>
    </message>
    <message>
        <source>Recorded without a signed scan: {consents}</source>
        <translation>서명 스캔본 없이 기록됨: {consents}</translation>
    </message>
    <message>
        <source>Changed since the preview: preview again before printing or saving.</source>
        <translation>미리 본 뒤에 내용이 바뀌었습니다. 인쇄하거나 저장하기 전에 다시 미리 보세요.</translation>
    </message>
    <message>
        <source>Write the reason for the referral.</source>
        <translation>의뢰 사유를 적어 주세요.</translation>
    </message>
    <message>
        <source>Preparing the letter…</source>
        <translation>공문을 만드는 중…</translation>
    </message>
    <message>
        <source>The letter could not be shown.</source>
        <translation>공문을 표시할 수 없습니다.</translation>
    </message>
    <message>
        <source>Preview of letter {number}. It goes into the letters register when you print or save it.</source>
        <translation>공문 {number} 미리 보기입니다. 인쇄하거나 저장하면 공문 발급 대장에 오릅니다.</translation>
    </message>
    <message>
        <source>Printed from the case: {items}</source>
        <translation>사례에서 인쇄되는 항목: {items}</translation>
    </message>
    <message>
        <source>Left out, no consent: {items}</source>
        <translation>동의가 없어 뺀 항목: {items}</translation>
    </message>
    <message>
        <source>Left out, no sensitive-information consent: {items}</source>
        <translation>민감정보 동의가 없어 뺀 항목: {items}</translation>
    </message>
    <message>
        <source>Consented but not answered in the intake: {items}</source>
        <translation>동의했지만 초기상담지에 답이 없는 항목: {items}</translation>
    </message>
    <message>
        <source>Check the text you wrote in the preview: it is printed as written.</source>
        <translation>직접 적은 내용은 적은 그대로 인쇄되니 미리 보기에서 확인하세요.</translation>
    </message>
    <message>
        <source>Referral letter {number}.pdf</source>
        <translation>연계 의뢰서 {number}.pdf</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>프린터로 %n쪽을 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>{path}(으)로 저장했습니다.</translation>
    </message>
    <message>
        <source>Putting the letter into the register…</source>
        <translation>공문을 발급 대장에 올리는 중…</translation>
    </message>
    <message>
        <source>Issued as {number} ({date}). It is in the letters register and the referral is marked as sent.</source>
        <translation>{number}({date})(으)로 발급했습니다. 공문 발급 대장에 올렸고 의뢰 상태를 ‘발송’으로 바꿨습니다.</translation>
    </message>
    <message>
        <source>The previewed number had been taken by another letter meanwhile.</source>
        <translation>미리 볼 때의 번호는 그사이 다른 공문이 사용했습니다.</translation>
    </message>
</context>
<context>
    <name>LetterLabels</name>
    <message>
        <source>Collection and use (art. 15)</source>
        <translation>수집·이용 (제15조)</translation>
    </message>
    <message>
        <source>Sensitive information (art. 23)</source>
        <translation>민감정보 (제23조)</translation>
    </message>
    <message>
        <source>Provision to a partner (art. 17(2))</source>
        <translation>제3자 제공 (제17조 제2항)</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>동의함</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>철회함</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>예외 승인</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>서명 동의서</translation>
    </message>
    <message>
        <source>Verbal, with a witness</source>
        <translation>구두 동의 (입회인 있음)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>작성</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>발송</translation>
    </message>
    <message>
        <source>Receipt confirmed</source>
        <translation>접수 확인</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>서비스 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>참여</translation>
    </message>
    <message>
        <source>Did not join</source>
        <translation>미참여</translation>
    </message>
    <message>
        <source>Could not be reached</source>
        <translation>연락 안 됨</translation>
    </message>
    <message>
        <source>Reason for referral:</source>
        <translation>의뢰 사유:</translation>
    </message>
    <message>
        <source>Service requested:</source>
        <translation>요청 서비스:</translation>
    </message>
    <message>
        <source>Before the first contact:</source>
        <translation>첫 연락 시 유의사항:</translation>
    </message>
    <message>
        <source>Warning signs:</source>
        <translation>위험 신호:</translation>
    </message>
    <message>
        <source>Other notes:</source>
        <translation>기타:</translation>
    </message>
    <message>
        <source>Last contact:</source>
        <translation>마지막 연락:</translation>
    </message>
    <message>
        <source>Reply requested by:</source>
        <translation>회신 요청 기한:</translation>
    </message>
    <message>
        <source>{partner}, letter {number}: now {status}</source>
        <translation>{partner}, 공문 {number}: 현재 ‘{status}’</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Decrypting the case list…</source>
        <translation>사례 목록의 암호를 푸는 중…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
</context>
<context>
    <name>LockCoordinator</name>
    <message>
        <source>Some unsaved changes could not be kept while locking (is the disk full?).</source>
        <translation>잠그는 동안 저장하지 않은 변경 내용 일부를 보관하지 못했습니다 (디스크가 가득 찼나요?).</translation>
    </message>
    <message>
        <source>Unsaved typing from your last session was restored.</source>
        <translation>지난번에 저장하지 않고 입력하던 내용을 되살렸습니다.</translation>
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
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>사례 닫기</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>사례 열기</translation>
    </message>
    <message>
        <source>Open in new window</source>
        <translation>새 창에서 열기</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>사례 목록</translation>
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
        <source>Statistics…</source>
        <translation>통계…</translation>
    </message>
    <message>
        <source>Import from Excel or CSV…</source>
        <translation>엑셀·CSV에서 가져오기…</translation>
    </message>
    <message>
        <source>Save the letters register…</source>
        <translation>발송 대장 저장…</translation>
    </message>
    <message>
        <source>About intake-desktop…</source>
        <translation>intake-desktop 정보…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>사용 안내(&amp;U)</translation>
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
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Search by name, initials (ㄱㅁㅅ), phone or case number</source>
        <translation>이름, 초성(ㄱㅁㅅ), 전화번호, 사례번호로 찾기</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>사례 찾기</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>새 사례 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Start the intake?</source>
        <translation>초기상담을 시작할까요?</translation>
    </message>
    <message>
        <source>The case was created. Fill in the intake form (초기상담지) now?</source>
        <translation>사례를 만들었습니다. 지금 초기상담지를 작성할까요?</translation>
    </message>
    <message>
        <source>Start the intake form</source>
        <translation>초기상담지 작성</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Making the closing backup…</source>
        <translation>종료 전 백업을 만드는 중입니다…</translation>
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
    <name>MonthlyReviewDialog</name>
    <message>
        <source>Monthly review of the access log</source>
        <translation>접근 기록 월간 점검</translation>
    </message>
    <message>
        <source>What you checked and what you found (e.g. nothing unusual)</source>
        <translation>확인한 내용과 결과 (예: 특이사항 없음)</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>점검 기록</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>점검 월</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>점검자</translation>
    </message>
    <message>
        <source>On</source>
        <translation>점검일</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>점검 월:</translation>
    </message>
    <message>
        <source>Worth a look:</source>
        <translation>눈여겨볼 점:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Reviews recorded</source>
        <translation>점검 기록</translation>
    </message>
    <message>
        <source>Reading the month…</source>
        <translation>한 달 치 기록을 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in all</source>
        <translation>
            <numerusform>전체 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cases opened: %n</source>
        <translation>
            <numerusform>사례 열람: %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong passphrases: %n</source>
        <translation>
            <numerusform>비밀번호 틀림: %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloads and exports: %n</source>
        <translation>
            <numerusform>내려받기·내보내기: %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cases destroyed: %n</source>
        <translation>
            <numerusform>사례 파기: %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outside working hours (before 7:00, after 21:00, weekends): %n</source>
        <translation>
            <numerusform>업무 시간 외 (7시 전, 21시 후, 주말): %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Most cases opened by: {accounts}</source>
        <translation>사례를 가장 많이 연 계정: {accounts}</translation>
    </message>
    <message>
        <source>Review of {month} recorded.</source>
        <translation>{month} 점검을 기록했습니다.</translation>
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
    <message>
        <source>Choose a passphrase.</source>
        <translation>비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>The passphrase does not meet the rule yet (see under it).</source>
        <translation>비밀번호가 아직 규칙에 맞지 않습니다(비밀번호 칸 아래 안내 참고).</translation>
    </message>
    <message>
        <source>Type the passphrase again in the second field.</source>
        <translation>두 번째 칸에 비밀번호를 한 번 더 입력하세요.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>두 비밀번호가 서로 다릅니다.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Date of contact</source>
        <translation>상담 날짜</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>상담 방식</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>미기재</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>상담 시간(분)</translation>
    </message>
    <message>
        <source>What happened, what the young person said, how they were</source>
        <translation>있었던 일, 청년이 한 말, 청년의 상태</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>상담 내용</translation>
    </message>
    <message>
        <source>What you agreed to do next</source>
        <translation>다음에 하기로 한 일</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>다음 할 일</translation>
    </message>
    <message>
        <source>Save note (&amp;W)</source>
        <translation>기록 저장(&amp;W)</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>지우기(&amp;E)</translation>
    </message>
    <message>
        <source>Save the session note (Ctrl+S)</source>
        <translation>상담 기록 저장 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>방식(&amp;K):</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>시간(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>내용(&amp;N):</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps:</source>
        <translation>다음 할 일(&amp;X):</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>New session note</source>
        <translation>새 상담 기록</translation>
    </message>
    <message>
        <source>Session notes, newest first</source>
        <translation>상담 기록 (최신순)</translation>
    </message>
    <message>
        <source>The chosen note</source>
        <translation>선택한 상담 기록</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>진행 경과</translation>
    </message>
    <message>
        <source>No session notes yet.</source>
        <translation>아직 상담 기록이 없습니다.</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>다음 할 일:</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor override</source>
        <translation>예외 승인</translation>
    </message>
    <message>
        <source>Only for one letter, when the law allows providing information without consent (for example to protect someone&apos;s life). The reason is kept in the case and the access log.</source>
        <translation>법이 동의 없는 제공을 허용하는 경우(예: 생명 보호)에만 공문 한 건에 한해 씁니다. 사유는 사례와 접근 기록에 남습니다.</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>받는 기관:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
    <message>
        <source>Items the letter may carry</source>
        <translation>공문에 넣을 수 있는 항목</translation>
    </message>
    <message>
        <source>Allow one letter</source>
        <translation>공문 한 건 승인</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Person</source>
        <translation>인적 사항</translation>
    </message>
    <message>
        <source>Move the case to</source>
        <translation>사례를 옮길 단계</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>옮길 단계:</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>평가 전</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>위험도</translation>
    </message>
    <message>
        <source>Clear crisis flag…</source>
        <translation>위기 표시 해제…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>단계:</translation>
    </message>
    <message>
        <source>Ris&amp;k level:</source>
        <translation>위험도(&amp;K):</translation>
    </message>
    <message>
        <source>Counsellor:</source>
        <translation>담당자:</translation>
    </message>
    <message>
        <source>Crisis flag:</source>
        <translation>위기 표시:</translation>
    </message>
    <message>
        <source>Save the person&apos;s details and the risk level (Ctrl+S)</source>
        <translation>인적 사항과 위험도 저장 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Change sta&amp;ge…</source>
        <translation>단계 변경(&amp;G)…</translation>
    </message>
    <message>
        <source>Reassign (&amp;Y)…</source>
        <translation>담당자 변경(&amp;Y)…</translation>
    </message>
    <message>
        <source>Share (&amp;Q)…</source>
        <translation>공유(&amp;Q)…</translation>
    </message>
    <message>
        <source>Save changes (&amp;W)</source>
        <translation>변경 내용 저장(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation>변경 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Save as a correction (&amp;X)…</source>
        <translation>정정으로 저장(&amp;X)…</translation>
    </message>
    <message>
        <source>The young person asked for their record to be corrected: save with the reason, for the change history and the correction notice</source>
        <translation>청년 본인이 기록 정정을 요청한 경우: 사유와 함께 저장하면 변경 이력과 정정 통지서에 남습니다</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>해당</translation>
    </message>
    <message>
        <source>no</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Age {age} · Seoul programmes (19–39): {seoul} · national law (34 and under): {national}</source>
        <translation>만 {age}세 · 서울시 사업(19–39세): {seoul} · 청년기본법(34세 이하): {national}</translation>
    </message>
    <message>
        <source>{stage} (re-open)</source>
        <translation>{stage} (재개)</translation>
    </message>
    <message>
        <source>Closed on {date}. Reason: {reason} Outcome: {outcome}</source>
        <translation>{date} 종결. 사유: {reason} 결과: {outcome}</translation>
    </message>
    <message>
        <source>Active: follow the crisis protocol.</source>
        <translation>있음: 위기 대응 절차를 따르세요.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>None (last cleared on {date}: {reason})</source>
        <translation>없음 (마지막 해제 {date}: {reason})</translation>
    </message>
    <message>
        <source>Change the details to correct first, then save them as a correction.</source>
        <translation>먼저 정정할 내용을 고친 다음 정정으로 저장하세요.</translation>
    </message>
    <message>
        <source>Correction at the person&apos;s request</source>
        <translation>본인 요청에 따른 정정</translation>
    </message>
    <message>
        <source>What did the young person ask to have corrected, and why? The reason is kept in the change history and printed on the correction notice.</source>
        <translation>청년이 무엇을, 왜 정정해 달라고 했나요? 사유는 변경 이력에 남고 정정 통지서에 인쇄됩니다.</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>정정 저장</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>사례 종결</translation>
    </message>
    <message>
        <source>Why is the case being closed, and what has changed for the young person? Both are kept in the case&apos;s history.</source>
        <translation>사례를 종결하는 사유와 청년에게 달라진 점을 적어 주세요. 둘 다 사례 이력에 남습니다.</translation>
    </message>
    <message>
        <source>Re-open the case</source>
        <translation>사례 재개</translation>
    </message>
    <message>
        <source>Why is the case being re-opened? The reason is kept in the case&apos;s history.</source>
        <translation>사례를 재개하는 사유를 적어 주세요. 사유는 사례 이력에 남습니다.</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Reassign the case</source>
        <translation>담당자 변경</translation>
    </message>
    <message>
        <source>Choose the counsellor who takes this case over. The change is recorded.</source>
        <translation>이 사례를 넘겨받을 상담사를 고르세요. 변경 사실은 기록됩니다.</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>담당자 변경</translation>
    </message>
    <message>
        <source>Share the case</source>
        <translation>사례 공유</translation>
    </message>
    <message>
        <source>Choose a colleague who may also open this case. The sharing is recorded.</source>
        <translation>이 사례를 함께 열람할 동료를 고르세요. 공유 사실은 기록됩니다.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>공유</translation>
    </message>
    <message>
        <source>Clear the crisis flag</source>
        <translation>위기 표시 해제</translation>
    </message>
    <message>
        <source>Say why the crisis is over (e.g. safety plan in place, seen by the mental health centre). The flag&apos;s history stays in the case.</source>
        <translation>위기 상황이 끝났다고 보는 이유를 적어 주세요 (예: 안전 계획 수립, 정신건강복지센터 연계). 위기 표시 이력은 사례에 남습니다.</translation>
    </message>
    <message>
        <source>Clear the flag</source>
        <translation>해제</translation>
    </message>
</context>
<context>
    <name>PartnerDirectoryDialog</name>
    <message>
        <source>Partner institutions</source>
        <translation>협력 기관</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>기관:</translation>
    </message>
    <message>
        <source>Letter kind:</source>
        <translation>공문 종류:</translation>
    </message>
    <message>
        <source>Letters are addressed to:</source>
        <translation>수신:</translation>
    </message>
    <message>
        <source>Works on:</source>
        <translation>주요 업무:</translation>
    </message>
    <message>
        <source>Department (after the addressee):</source>
        <translation>부서 (수신자 뒤 괄호):</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>우편번호:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>전화:</translation>
    </message>
    <message>
        <source>Fax:</source>
        <translation>팩스:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>이메일:</translation>
    </message>
    <message>
        <source>Names are fixed. Copy contact details from the institution&apos;s own documents.</source>
        <translation>기관 이름은 바꿀 수 없습니다. 연락처는 그 기관이 낸 문서에서 옮겨 적으세요.</translation>
    </message>
    <message>
        <source>Save contact details</source>
        <translation>연락처 저장</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>바뀐 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Saved. New letters use these details.</source>
        <translation>저장했습니다. 새로 만드는 공문부터 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>At least {count} characters ({missing} more to go).</source>
        <translation>{count}자 이상 입력하세요 ({missing}자 더 필요).</translation>
    </message>
    <message>
        <source>Too easy to guess (a common word, name, date or keyboard pattern): add an unrelated word.</source>
        <translation>추측하기 쉽습니다(흔한 단어, 이름, 날짜, 자판 배열). 관계없는 단어를 하나 더 붙이세요.</translation>
    </message>
    <message>
        <source>At least {count} characters and not easy to guess; a few unrelated words are easy to remember.</source>
        <translation>{count}자 이상, 추측하기 어렵게 정하세요. 서로 관계없는 단어 몇 개를 이으면 기억하기 쉽습니다.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 이전 쪽</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>다음 쪽 ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>너비 맞춤</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>{count}쪽 중 {page}쪽</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF로 저장…</translation>
    </message>
    <message>
        <source>The document could not be shown.</source>
        <translation>문서를 표시할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>프린터로 %n쪽을 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>{path}(으)로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>e.g. 1999. 3. 2.</source>
        <translation>예: 1999. 3. 2.</translation>
    </message>
    <message>
        <source>(not asked yet)</source>
        <translation>(아직 묻지 않음)</translation>
    </message>
    <message>
        <source>5 digits</source>
        <translation>숫자 5자리</translation>
    </message>
    <message>
        <source>Road-name address</source>
        <translation>도로명 주소</translation>
    </message>
    <message>
        <source>Floor, flat</source>
        <translation>동·층·호</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>생년월일(&amp;B):</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>성별:</translation>
    </message>
    <message>
        <source>Emergency contact phone:</source>
        <translation>비상 연락처 전화번호:</translation>
    </message>
    <message>
        <source>Preferred contact:</source>
        <translation>선호 연락 방법:</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>휴대전화(&amp;M):</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>주소(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Emergency contact:</source>
        <translation>비상 연락처(&amp;E):</translation>
    </message>
</context>
<context>
    <name>PlanDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>e.g. 2025. 9. 30.</source>
        <translation>예: 2025. 9. 30.</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Goal</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Responsible partner</source>
        <translation>담당 기관</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>목표일</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Service plan goals</source>
        <translation>서비스 계획 목표</translation>
    </message>
    <message>
        <source>One row per goal. Type in a cell or press F2 to edit; Tab moves to the next cell.</source>
        <translation>목표 하나에 한 줄씩 적습니다. 칸에 바로 입력하거나 F2 키로 편집하고, Tab 키로 다음 칸으로 옮겨 갑니다.</translation>
    </message>
    <message>
        <source>A&amp;dd goal</source>
        <translation>목표 추가(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move goal</source>
        <translation>목표 삭제(&amp;M)</translation>
    </message>
    <message>
        <source>Save pla&amp;n</source>
        <translation>계획 저장(&amp;N)</translation>
    </message>
    <message>
        <source>Save the service plan (Ctrl+S)</source>
        <translation>서비스 계획 저장 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Goal {n}: say what the goal is.</source>
        <translation>목표 {n}: 목표 내용을 적어 주세요.</translation>
    </message>
    <message>
        <source>Goal {n}: the target date is not a date.</source>
        <translation>목표 {n}: 목표일이 올바른 날짜가 아닙니다.</translation>
    </message>
    <message>
        <source>(no goals)</source>
        <translation>(목표 없음)</translation>
    </message>
    <message>
        <source>{n}. {goal} · {services} · {partner} · {date} · {status}</source>
        <translation>{n}. {goal} · {services} · {partner} · {date} · {status}</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>서비스 계획</translation>
    </message>
</context>
<context>
    <name>PlatformFailure</name>
    <message>
        <source>intake-desktop cannot open its window: the window system plugin &quot;{plugin}&quot; did not load.</source>
        <translation>intake-desktop 창을 열 수 없습니다: 화면 표시용 Qt 플러그인 &quot;{plugin}&quot;을(를) 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>These system libraries are missing: {libraries}</source>
        <translation>이 PC에 다음 시스템 라이브러리가 없습니다: {libraries}</translation>
    </message>
    <message>
        <source>Install them with this command (an administrator may need to run it), then start again:</source>
        <translation>아래 명령으로 설치한 뒤 다시 실행하세요(관리자 권한이 필요할 수 있습니다):</translation>
    </message>
    <message>
        <source>No screen to open it on: DISPLAY is not set (start it from the desktop, not from a remote terminal).</source>
        <translation>창을 띄울 화면이 없습니다: DISPLAY가 설정되어 있지 않습니다(원격 터미널이 아니라 바탕화면에서 실행하세요).</translation>
    </message>
    <message>
        <source>The screen {display} could not be opened (the X server refused or is not running).</source>
        <translation>화면 {display}을(를) 열 수 없습니다(X 서버가 연결을 거부했거나 실행 중이 아닙니다).</translation>
    </message>
    <message>
        <source>No missing library was found. Qt reported:</source>
        <translation>빠진 라이브러리는 찾지 못했습니다. Qt가 알린 내용:</translation>
    </message>
    <message>
        <source>If the problem remains, reinstall intake-desktop.</source>
        <translation>문제가 계속되면 intake-desktop을 다시 설치하세요.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print</source>
        <translation>인쇄</translation>
    </message>
    <message>
        <source>Print to file (PDF)</source>
        <translation>파일로 인쇄 (PDF)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>단면</translation>
    </message>
    <message>
        <source>Two-sided, flip on long edge</source>
        <translation>양면 (긴 쪽으로 넘김)</translation>
    </message>
    <message>
        <source>Two-sided, flip on short edge</source>
        <translation>양면 (짧은 쪽으로 넘김)</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>프린터(&amp;P):</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>용지(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>매수(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Sides:</source>
        <translation>양면 인쇄(&amp;S):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>{printer} — {location}</source>
        <translation>{printer} — {location}</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Only printers that write files are set up here, and a file with the recovery key is what must not exist. Write the key down by hand instead.</source>
        <translation>이 컴퓨터에는 종이에 인쇄하지 않고 파일을 만드는 프린터만 있습니다. 복구 키는 파일로 남기면 안 되므로, 대신 손으로 옮겨 적으세요.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Write the key down by hand instead.</source>
        <translation>이 컴퓨터에 설정된 프린터가 없습니다. 대신 복구 키를 손으로 옮겨 적으세요.</translation>
    </message>
    <message>
        <source>Saves the document as a PDF file where you choose, the same as Save as PDF.</source>
        <translation>‘PDF로 저장’과 같이, 고른 위치에 문서를 PDF 파일로 저장합니다.</translation>
    </message>
    <message>
        <source>This printer does not print on paper: it writes a PDF file, usually in your home folder.</source>
        <translation>이 프린터는 종이에 인쇄하지 않고 PDF 파일을 만듭니다(보통 사용자 홈 폴더에 저장됩니다).</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>이 컴퓨터에 설정된 프린터가 없습니다.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF로 저장</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProvisionConsentDialog</name>
    <message>
        <source>Consent to provide information to a partner</source>
        <translation>개인정보 제3자 제공 동의</translation>
    </message>
    <message>
        <source>One consent per institution. Tick only the items the young person agreed to give this institution; a letter to it will carry those items and nothing else.</source>
        <translation>기관마다 따로 동의를 받습니다. 청년이 이 기관에 주기로 동의한 항목만 고르세요. 이 기관에 보내는 공문에는 그 항목만 들어갑니다.</translation>
    </message>
    <message>
        <source>Items provided (only those this kind of institution may receive)</source>
        <translation>제공 항목 (이 종류의 기관이 받을 수 있는 항목만)</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>받는 기관:</translation>
    </message>
    <message>
        <source>Purpose at the recipient:</source>
        <translation>제공받는 곳의 이용 목적:</translation>
    </message>
    <message>
        <source>Retention at the recipient:</source>
        <translation>제공받는 곳의 보유 기간:</translation>
    </message>
    <message>
        <source>If refused:</source>
        <translation>거부할 경우:</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <source>The letter template for this institution could not be read; write the purpose and retention yourself.</source>
        <translation>이 기관의 공문 서식을 읽을 수 없습니다. 이용 목적과 보유 기간을 직접 적어 주세요.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>e.g. goes out weekly, started a job programme</source>
        <translation>예: 매주 외출함, 취업 프로그램 참여 시작</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>결과(&amp;O):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
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
    <message>
        <source>Sent to the printer {printer}. Check that the sheet came out before you tick the box.</source>
        <translation>프린터 {printer}에 보냈습니다. 종이가 제대로 나왔는지 확인한 뒤 아래 상자에 표시하세요.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>intake-desktop recovery key</source>
        <translation>intake-desktop 복구 키</translation>
    </message>
    <message>
        <source>Centre: {centre}</source>
        <translation>센터: {centre}</translation>
    </message>
    <message>
        <source>Printed on: {date}</source>
        <translation>인쇄한 날: {date}</translation>
    </message>
    <message>
        <source>This key opens every record in the vault. Keep this sheet locked away, separate from the computer, and never photograph it. An administrator needs it to set a new passphrase when theirs is forgotten.</source>
        <translation>이 키로 보관함의 모든 기록을 열 수 있습니다. 이 종이는 컴퓨터와 떨어진 잠긴 곳에 보관하고, 절대 사진을 찍지 마세요. 관리자가 비밀번호를 잊어버렸을 때 새 비밀번호를 정하려면 이 키가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Letter number</source>
        <translation>공문 번호</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>발송일</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>회신 기한</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Reply received</source>
        <translation>회신일</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>No referrals yet. “New letter” writes the first one.</source>
        <translation>아직 의뢰가 없습니다. ‘새 공문’으로 첫 의뢰서를 쓰세요.</translation>
    </message>
    <message>
        <source>The partner sent the reply slip back: record what it says</source>
        <translation>연계 기관이 회신서를 보내왔을 때 그 내용을 등록합니다</translation>
    </message>
    <message>
        <source>Print the reply slip for this letter on its own</source>
        <translation>이 공문의 회신서만 따로 인쇄합니다</translation>
    </message>
    <message numerus="yes">
        <source>{date} (%n day(s) overdue)</source>
        <translation>
            <numerusform>{date} (%n일 지남)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighted: %n referral(s) still waiting for a reply after the reply-by date.</source>
        <translation>
            <numerusform>강조 표시: 회신 기한이 지났는데 아직 회신이 없는 의뢰 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} (slip: {result})</source>
        <translation>{date} (회신서: {result})</translation>
    </message>
    <message>
        <source>{reply}, scan attached</source>
        <translation>{reply}, 스캔 첨부됨</translation>
    </message>
    <message>
        <source>Reply slip for letter {number}</source>
        <translation>공문 {number}의 회신서</translation>
    </message>
    <message>
        <source>Reply slip {number}.pdf</source>
        <translation>회신서 {number}.pdf</translation>
    </message>
    <message>
        <source>Preparing the copy…</source>
        <translation>사본을 만드는 중…</translation>
    </message>
    <message>
        <source>Letter {number} (copy)</source>
        <translation>공문 {number} (사본)</translation>
    </message>
    <message>
        <source>&amp;New letter…</source>
        <translation>새 공문(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Update status…</source>
        <translation>상태 변경(&amp;U)…</translation>
    </message>
    <message>
        <source>R&amp;eprint letter…</source>
        <translation>공문 재출력(&amp;E)…</translation>
    </message>
    <message>
        <source>Recor&amp;d reply slip…</source>
        <translation>회신서 등록(&amp;D)…</translation>
    </message>
    <message>
        <source>Repl&amp;y slip…</source>
        <translation>회신서(&amp;Y)…</translation>
    </message>
    <message>
        <source>Referral letter {number}.pdf</source>
        <translation>연계 의뢰서 {number}.pdf</translation>
    </message>
</context>
<context>
    <name>RegisterSave</name>
    <message>
        <source>letters-register</source>
        <translation>발송대장</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>엑셀 파일 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Save the letters register</source>
        <translation>발송 대장 저장</translation>
    </message>
    <message>
        <source>{count} letter(s) of the register saved to {path}.</source>
        <translation>발송 대장의 공문 {count}건을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Writing the letters register…</source>
        <translation>발송 대장을 저장하는 중…</translation>
    </message>
</context>
<context>
    <name>ReplaceVaultDialog</name>
    <message>
        <source>Replace this vault with a backup</source>
        <translation>이 보관함을 백업으로 바꾸기</translation>
    </message>
    <message>
        <source>Everything in this vault will be replaced by the backup made on {date}. Cases, notes, consents, letters and accounts added or changed since then will be lost. A safety copy of the current vault is kept in the data folder.</source>
        <translation>이 보관함의 모든 내용이 {date}에 만든 백업으로 바뀝니다. 그 뒤에 추가하거나 바꾼 사례, 상담 기록, 동의, 공문, 계정은 사라집니다. 지금 보관함의 안전 사본은 데이터 폴더에 남겨 둡니다.</translation>
    </message>
    <message>
        <source>intake-desktop closes when the restore is finished. Start it again and sign in with the passphrase that was valid when the backup was made.</source>
        <translation>복원이 끝나면 intake-desktop이 닫힙니다. 다시 시작해서 백업 당시의 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>I understand that work done since {date} will be lost.</source>
        <translation>{date} 이후에 한 작업이 사라진다는 것을 이해했습니다.</translation>
    </message>
    <message>
        <source>Only if you changed it since the backup</source>
        <translation>백업 뒤에 비밀번호를 바꾼 경우에만</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>백업 파일:</translation>
    </message>
    <message>
        <source>Your passphrase:</source>
        <translation>내 비밀번호:</translation>
    </message>
    <message>
        <source>Your passphrase when the backup was made:</source>
        <translation>백업 당시의 내 비밀번호:</translation>
    </message>
    <message>
        <source>Replace the vault</source>
        <translation>보관함 바꾸기</translation>
    </message>
    <message>
        <source>Checking your passphrase and the backup…</source>
        <translation>비밀번호와 백업을 확인하는 중…</translation>
    </message>
    <message>
        <source>Restoring the backup… Do not switch the computer off.</source>
        <translation>백업을 복원하는 중… 컴퓨터를 끄지 마세요.</translation>
    </message>
    <message>
        <source>Vault replaced</source>
        <translation>보관함을 바꿨습니다</translation>
    </message>
    <message>
        <source>The vault was replaced by the backup. The previous vault is kept as {file}. intake-desktop will now close; start it again and sign in.</source>
        <translation>보관함을 백업으로 바꿨습니다. 이전 보관함은 {file}(으)로 남겨 두었습니다. 이제 intake-desktop이 닫힙니다. 다시 시작해서 로그인하세요.</translation>
    </message>
    <message>
        <source>Vault not replaced</source>
        <translation>보관함을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>The vault was not replaced: {reason} intake-desktop will now close; start it again: your vault is as it was.</source>
        <translation>보관함을 바꾸지 못했습니다: {reason} 이제 intake-desktop이 닫힙니다. 다시 시작하세요. 보관함은 그대로입니다.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Record the reply slip</source>
        <translation>회신서 등록</translation>
    </message>
    <message>
        <source>as written on the slip</source>
        <translation>회신서에 적힌 대로</translation>
    </message>
    <message>
        <source>No scan</source>
        <translation>스캔 없음</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>스캔 첨부…</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>연계 결과:</translation>
    </message>
    <message>
        <source>Reply date on the slip:</source>
        <translation>회신일:</translation>
    </message>
    <message>
        <source>Service provided:</source>
        <translation>제공 서비스:</translation>
    </message>
    <message>
        <source>Staff member at the partner:</source>
        <translation>기관 담당자:</translation>
    </message>
    <message>
        <source>Scan of the slip:</source>
        <translation>회신서 스캔:</translation>
    </message>
    <message>
        <source>Save reply</source>
        <translation>회신 저장</translation>
    </message>
</context>
<context>
    <name>ResetPassphraseDialog</name>
    <message>
        <source>Reset a passphrase</source>
        <translation>비밀번호 재설정</translation>
    </message>
    <message>
        <source>New passphrase for {username}. The old one stops working at once (it still opens backups made before today).</source>
        <translation>{username} 계정의 새 비밀번호입니다. 이전 비밀번호는 바로 쓸 수 없게 됩니다 (오늘 전에 만든 백업은 이전 비밀번호로 열립니다).</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>비밀번호 정하기</translation>
    </message>
    <message>
        <source>Setting the new passphrase…</source>
        <translation>새 비밀번호를 정하는 중…</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention and destruction</source>
        <translation>보존·파기</translation>
    </message>
    <message>
        <source> years after closure</source>
        <translation>년 (종결 후)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Must not be shorter than the period stated on the collection consent form.</source>
        <translation>수집·이용 동의서에 적은 보존 기간보다 짧으면 안 됩니다.</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>보존 기간</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>사례번호</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>종결일</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>파기 예정일</translation>
    </message>
    <message>
        <source>No closed case has reached the end of its retention period.</source>
        <translation>보존 기간이 끝난 종결 사례가 없습니다.</translation>
    </message>
    <message>
        <source>Destroy the selected case…</source>
        <translation>선택한 사례 파기…</translation>
    </message>
    <message>
        <source>Destroy another case…</source>
        <translation>다른 사례 파기…</translation>
    </message>
    <message>
        <source>For example after the consent to collection was withdrawn.</source>
        <translation>예: 수집·이용 동의를 철회한 경우</translation>
    </message>
    <message>
        <source>Cases due for destruction</source>
        <translation>파기할 사례</translation>
    </message>
    <message numerus="yes">
        <source>Retention period saved: %n year(s) after closure.</source>
        <translation>
            <numerusform>보존 기간을 저장했습니다: 종결 후 %n년.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case {number} was destroyed.</source>
        <translation>사례 {number}을(를) 파기했습니다.</translation>
    </message>
</context>
<context>
    <name>RrnWarning</name>
    <message>
        <source>⚠ This looks like a resident registration number (주민등록번호). The centre may not record it: please delete it. Letters and exports print it masked.</source>
        <translation>⚠ 주민등록번호로 보이는 번호가 있습니다. 센터는 주민등록번호를 기록할 수 없으니 지워 주세요. 의뢰서와 내보내기에는 가려서 나갑니다.</translation>
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
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>글자 크기</translation>
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
    <message>
        <source>Text size:</source>
        <translation>글자 크기:</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>19–24</source>
        <translation>19~24세</translation>
    </message>
    <message>
        <source>25–29</source>
        <translation>25~29세</translation>
    </message>
    <message>
        <source>30–34</source>
        <translation>30~34세</translation>
    </message>
    <message>
        <source>35–39</source>
        <translation>35~39세</translation>
    </message>
    <message>
        <source>Other ages or unknown</source>
        <translation>그 외·미상</translation>
    </message>
    <message>
        <source>Reclusive</source>
        <translation>은둔</translation>
    </message>
    <message>
        <source>Isolated (not reclusive)</source>
        <translation>고립</translation>
    </message>
    <message>
        <source>Criteria not met</source>
        <translation>기준 미충족</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>미기재</translation>
    </message>
    <message>
        <source>Under 6 months</source>
        <translation>6개월 미만</translation>
    </message>
    <message>
        <source>6–11 months</source>
        <translation>6~11개월</translation>
    </message>
    <message>
        <source>12–35 months</source>
        <translation>12~35개월</translation>
    </message>
    <message>
        <source>36–59 months</source>
        <translation>36~59개월</translation>
    </message>
    <message>
        <source>60 months or more</source>
        <translation>60개월 이상</translation>
    </message>
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
        <source>Not set</source>
        <translation>미정</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>본인</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>가족</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>기관 의뢰</translation>
    </message>
    <message>
        <source>District outreach</source>
        <translation>자치구 발굴</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>경찰</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>상담전화</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>접수·초기상담</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>사정</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>서비스 계획</translation>
    </message>
    <message>
        <source>Referral</source>
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
        <source>Awaiting reply</source>
        <translation>회신 대기</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>접수 확인</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>서비스 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Goals reached</source>
        <translation>목표 달성</translation>
    </message>
    <message>
        <source>Work, study or training</source>
        <translation>취업·학업·훈련</translation>
    </message>
    <message>
        <source>Passed to another service</source>
        <translation>타 기관 연계·이관</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>연락 두절</translation>
    </message>
    <message>
        <source>Ended at the person&apos;s wish</source>
        <translation>본인 중단 희망</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>이사·관할 외</translation>
    </message>
    <message>
        <source>Outside the age range</source>
        <translation>연령 초과</translation>
    </message>
    <message>
        <source>Other or not given</source>
        <translation>기타·미기재</translation>
    </message>
    <message>
        <source>Action confirmed</source>
        <translation>조치 확인</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>조치 확인 대기</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>수</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>계</translation>
    </message>
    <message>
        <source>Other institution</source>
        <translation>기타 기관</translation>
    </message>
    <message>
        <source>people</source>
        <translation>명</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>건</translation>
    </message>
    <message>
        <source>Median days to reply</source>
        <translation>회신 소요일 중앙값</translation>
    </message>
    <message>
        <source>Small numbers are hidden: a count of 1 to 4 is shown as &quot;&lt;5&quot;. So that a hidden count cannot be worked out by subtracting from a total or from the other tables, more cells are hidden where needed and shown as &quot;*&quot; (each of those is 5 or more). 0 is shown as 0. Totals are true totals; where cells are hidden, the visible cells add up to less. A median is shown only when it rests on 5 or more replies.</source>
        <translation>소표본 비공개 규칙: 1~4인 값은 &apos;&lt;5&apos;로 표시합니다. 합계나 다른 표에서 빼는 방법으로 가려진 값을 알아낼 수 없도록, 필요한 경우 다른 칸도 함께 가리고 &apos;*&apos;로 표시합니다(&apos;*&apos; 칸은 5 이상). 0은 그대로 0으로 표시합니다. 합계는 실제 합계이므로 가려진 칸이 있으면 보이는 칸의 합과 다릅니다. 중앙값은 회신이 5건 이상일 때만 표시합니다.</translation>
    </message>
    <message>
        <source>Demonstration data: these figures describe made-up cases, not real people.</source>
        <translation>시연용 가상 자료: 이 통계는 실제 인물이 아닌 가상 사례로 만든 것입니다.</translation>
    </message>
    <message>
        <source>There is no data for this period.</source>
        <translation>해당 기간에는 통계 자료가 없습니다.</translation>
    </message>
    <message>
        <source>New intakes</source>
        <translation>신규 접수</translation>
    </message>
    <message>
        <source>Cases at the end of the period</source>
        <translation>기간 말 관리 사례</translation>
    </message>
    <message>
        <source>Referrals sent</source>
        <translation>연계 의뢰</translation>
    </message>
    <message>
        <source>Closures</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Crisis alerts raised</source>
        <translation>위기 알림 발생</translation>
    </message>
    <message>
        <source>Crisis alerts with action confirmed</source>
        <translation>위기 알림 조치 확인</translation>
    </message>
    <message>
        <source>New intakes per month</source>
        <translation>월별 신규 접수</translation>
    </message>
    <message>
        <source>By intake date.</source>
        <translation>접수일 기준.</translation>
    </message>
    <message>
        <source>Age at intake</source>
        <translation>접수 시 연령대</translation>
    </message>
    <message>
        <source>Full years on the intake date.</source>
        <translation>접수일 기준 만 나이.</translation>
    </message>
    <message>
        <source>Isolated or reclusive</source>
        <translation>고립·은둔 구분</translation>
    </message>
    <message>
        <source>Reclusive: goes out only for errands or less (pregnancy, childbirth and disability excluded). Isolated: not reclusive, with emotional or physical isolation.</source>
        <translation>은둔: 취미·용무 외 외출 없음 이하(임신·출산·장애 제외). 고립: 은둔이 아니면서 정서적 또는 물리적 고립.</translation>
    </message>
    <message>
        <source>How long the isolation has lasted</source>
        <translation>고립·은둔 기간</translation>
    </message>
    <message>
        <source>As told at intake.</source>
        <translation>초기상담 응답 기준.</translation>
    </message>
    <message>
        <source>Risk level at intake</source>
        <translation>접수 시 위험도</translation>
    </message>
    <message>
        <source>As confirmed by the counsellor.</source>
        <translation>상담자가 확정한 위험도.</translation>
    </message>
    <message>
        <source>How they came to the centre</source>
        <translation>접수 경로</translation>
    </message>
    <message>
        <source>From the intake form.</source>
        <translation>초기상담지 기준.</translation>
    </message>
    <message>
        <source>Case-management stage at the end of the period</source>
        <translation>기간 말 사례관리 단계</translation>
    </message>
    <message>
        <source>Cases with an intake on or before the last day, except those closed before the period.</source>
        <translation>기간 마지막 날까지 접수된 사례(기간 전에 종결된 사례 제외)의 그날 단계.</translation>
    </message>
    <message>
        <source>Referrals per partner and outcome</source>
        <translation>연계 기관별 의뢰 결과</translation>
    </message>
    <message>
        <source>Referrals sent in the period, by their status today; days from sending to the reply.</source>
        <translation>기간 중 발송한 의뢰의 현재 상태. 회신 소요일은 발송일부터 회신일까지.</translation>
    </message>
    <message>
        <source>Closures by reason</source>
        <translation>종결 사유</translation>
    </message>
    <message>
        <source>Closures in the period; reasons sorted into categories, never quoted.</source>
        <translation>기간 중 종결. 사유는 분류만 집계하며 내용은 옮기지 않음.</translation>
    </message>
    <message>
        <source>Crisis alerts</source>
        <translation>위기 알림</translation>
    </message>
    <message>
        <source>Alerts raised in the period, and whether the action taken has been confirmed.</source>
        <translation>기간 중 발생한 위기 알림과 조치 확인 여부.</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>시작 월</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>종료 월</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF로 저장…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>엑셀로 저장…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>집계하는 중…</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>수</translation>
    </message>
    <message>
        <source>&lt;b&gt;Summary&lt;/b&gt; — {period}</source>
        <translation>&lt;b&gt;요약&lt;/b&gt; — {period}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>statistics-{start}-{end}</source>
        <translation>통계-{start}-{end}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>엑셀 파일 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the statistics report</source>
        <translation>통계 보고서 저장</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>파일을 저장하는 중…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Update the referral status</source>
        <translation>의뢰 상태 변경</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>새 상태:</translation>
    </message>
    <message>
        <source>Reply received on:</source>
        <translation>회신일:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>상태 저장</translation>
    </message>
    <message>
        <source>This referral is finished: its status cannot change any more.</source>
        <translation>끝난 의뢰입니다. 상태를 더 바꿀 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: {label}</source>
        <translation>강도: {label}</translation>
    </message>
</context>
<context>
    <name>StrengthenKeySlotDialog</name>
    <message>
        <source>Strengthen your passphrase&apos;s protection</source>
        <translation>비밀번호 보호 강화</translation>
    </message>
    <message>
        <source>Your passphrase protects the vault with an older, weaker setting than new accounts get. Type your passphrase once more to strengthen it now (it takes a few seconds). Changing your passphrase strengthens it too.</source>
        <translation>지금 비밀번호는 새 계정보다 약한 예전 설정으로 보관함을 보호하고 있습니다. 비밀번호를 한 번 더 입력하면 지금 바로 강화합니다(몇 초 걸립니다). 비밀번호를 바꿔도 강화됩니다.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>&amp;Strengthen now</source>
        <translation>지금 강화(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>나중에(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SyncConflictChooser</name>
    <message>
        <source>{kind} of case {case}</source>
        <translation>사례 {case}의 {kind}</translation>
    </message>
    <message>
        <source>{record} was changed on this PC and on another PC before they synced. Both versions are shown below. For each field, choose which value to keep; the result is saved as a new version and reaches every PC at the next sync. Fields not listed are the same.</source>
        <translation>{record}: 이 PC와 다른 PC에서 동기화 전에 각각 고친 기록입니다. 아래에 두 내용을 나란히 보여 드립니다. 항목마다 남길 값을 고르세요. 고른 결과는 새 버전으로 저장되어 다음 동기화 때 모든 PC에 반영됩니다. 목록에 없는 항목은 두 내용이 같습니다.</translation>
    </message>
    <message>
        <source>{record} was changed on this PC and on another PC before they synced. This kind of record is kept whole: compare the two versions and choose one; the other is discarded on every PC.</source>
        <translation>{record}: 이 PC와 다른 PC에서 동기화 전에 각각 고친 기록입니다. 이런 기록은 항목별로 나눌 수 없습니다. 두 내용을 비교해서 하나를 고르세요. 고르지 않은 내용은 모든 PC에서 지워집니다.</translation>
    </message>
    <message>
        <source>This PC deleted it; the other PC changed it.</source>
        <translation>이 PC에서는 삭제했고, 다른 PC에서는 고쳤습니다.</translation>
    </message>
    <message>
        <source>The other PC deleted it; this PC changed it.</source>
        <translation>다른 PC에서는 삭제했고, 이 PC에서는 고쳤습니다.</translation>
    </message>
    <message>
        <source>Changed on two PCs</source>
        <translation>두 PC에서 고친 기록</translation>
    </message>
    <message>
        <source>Other PC&apos;s version</source>
        <translation>다른 PC의 내용</translation>
    </message>
    <message>
        <source>This PC&apos;s version</source>
        <translation>이 PC의 내용</translation>
    </message>
    <message>
        <source>Keep my choices</source>
        <translation>고른 대로 남기기</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>나중에 고르기</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Centre settings</source>
        <translation>센터 설정</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>계정</translation>
    </message>
    <message>
        <source>Account key</source>
        <translation>계정 열쇠</translation>
    </message>
    <message>
        <source>Partner institution</source>
        <translation>연계기관</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>서식</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>인적 사항</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Case sharing</source>
        <translation>사례 공유</translation>
    </message>
    <message>
        <source>Intake form</source>
        <translation>초기상담지</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>상담 기록</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>서비스 계획</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>후속 조치</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>의뢰</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>공문</translation>
    </message>
</context>
<context>
    <name>SyncStatusPiece</name>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>Centre server: {server}
Click for details and conflicts.</source>
        <translation>센터 서버: {server}
누르면 자세한 상태와 충돌을 봅니다.</translation>
    </message>
    <message>
        <source>Sync stopped: the server needs checking</source>
        <translation>동기화 멈춤: 서버 점검 필요</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>서버에 연결할 수 없음</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>동기화 실패</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>보낼 변경 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to choose</source>
        <translation>
            <numerusform>고를 충돌 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>아직 동기화하지 않음</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>방금 동기화함</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>%n분 전 동기화함</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>마지막 동기화 {when}</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>Provision to {partner}</source>
        <translation>제3자 제공: {partner}</translation>
    </message>
    <message>
        <source>Consent to withdraw: {what}</source>
        <translation>철회할 동의: {what}</translation>
    </message>
    <message>
        <source>From the withdrawal on, no letter can rely on this consent. Letters already sent stay in the register.</source>
        <translation>철회한 때부터 이 동의로는 공문을 보낼 수 없습니다. 이미 보낸 공문은 대장에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Withdrawing the consent to collection and use means the case must be destroyed: tell your administrator (Administration → Retention).</source>
        <translation>수집·이용 동의를 철회하면 사례를 파기해야 합니다. 관리자에게 알리세요 (관리 → 보존·파기).</translation>
    </message>
    <message>
        <source>The young person</source>
        <translation>본인</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>법정대리인</translation>
    </message>
    <message>
        <source>Withdrawn on:</source>
        <translation>철회일:</translation>
    </message>
    <message>
        <source>Asked for by:</source>
        <translation>요청한 사람:</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>Say who asked for the withdrawal.</source>
        <translation>누가 철회를 요청했는지 적어 주세요.</translation>
    </message>
</context>
</TS>
