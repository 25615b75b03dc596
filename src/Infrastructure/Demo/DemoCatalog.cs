using LectureHub.Domain.Courses;

namespace LectureHub.Infrastructure.Demo;

/// <summary>A demo course: its trade (category slug), instructor, listing, and section titles (each gets a theory and a practice lecture).</summary>
internal sealed record DemoCourse(
    string Trade, string Instructor, string Title, string Summary, CourseLevel Level, long PriceKrw, string[] Tags, string[] Sections);

/// <summary>What the first run shows: thirty courses across the ten trades, and which of them carry the playable videos.</summary>
internal static class DemoCatalog
{
    public const string Kim = "kim.welder@lecturehub.dev";
    public const string Park = "park.electric@lecturehub.dev";
    public const string Admin = "admin@lecturehub.dev";
    public const string Lee = "lee.student@lecturehub.dev";
    public const string Choi = "choi.student@lecturehub.dev";
    public const string Jung = "jung.student@lecturehub.dev";

    /// <summary>Free; the demo student is enrolled with some progress. Its first lecture plays, with Korean subtitles.</summary>
    public const string FreeVideoCourse = "전기기능사 입문: 안전과 기초 회로";

    /// <summary>Paid; the demo student bought it through the PG simulator. Its first lecture plays (a free preview).</summary>
    public const string PaidVideoCourse = "특수용접기능사 실기: TIG 용접 기초부터";

    /// <summary>The instructor's coupon, good for this course among Kim's: 20% off.</summary>
    public const string CouponCode = "WELD-DEMO-20";

    /// <summary>Length of the two generated demo videos, in seconds (their lectures say the same).</summary>
    public const int VideoSeconds = 60;

    public static readonly IReadOnlyList<DemoCourse> Courses =
    [
        new("electrical", Park, FreeVideoCourse, "감전 사고를 막는 안전 수칙과 옴의 법칙, 직렬·병렬 회로를 현장 예시로 익힙니다.", CourseLevel.Beginner, 0,
            ["전기기능사", "안전", "입문"], ["안전 수칙", "옴의 법칙", "직렬과 병렬 회로"]),
        new("electrical", Park, "내선 배선 실무: 분전반부터 콘센트까지", "주택 분전반 결선, 누전차단기 선정, 콘센트·스위치 배선을 실습 영상으로 따라 합니다.", CourseLevel.Intermediate, 59000,
            ["내선", "분전반", "배선"], ["분전반 구조", "차단기 선정", "콘센트와 스위치", "절연 저항 측정"]),
        new("electrical", Park, "전기기사 필기 단기 완성", "회로이론·전기기기·전력공학 핵심만 모아 기출 유형으로 정리합니다.", CourseLevel.Advanced, 89000,
            ["전기기사", "필기", "자격증"], ["회로이론", "전기기기", "전력공학"]),
        new("welding", Kim, PaidVideoCourse, "TIG 용접기 세팅부터 비드 쌓기, 실기 시험 과제까지 단계별로 연습합니다.", CourseLevel.Beginner, 39000,
            ["용접", "TIG", "특수용접기능사"], ["장비 준비", "아크 발생과 비드", "맞대기 용접", "실기 과제"]),
        new("welding", Kim, "CO2 용접 현장 실무", "반자동 CO2 용접의 전류·전압 조건과 자세별 요령을 현장 기준으로 배웁니다.", CourseLevel.Intermediate, 49000,
            ["용접", "CO2", "현장"], ["용접 조건", "아래보기 자세", "수직·수평 자세"]),
        new("welding", Kim, "용접 결함과 비파괴 검사 입문", "기공·균열·언더컷의 원인과 방지, 육안·침투·초음파 검사의 기초를 다룹니다.", CourseLevel.Advanced, 0,
            ["용접", "비파괴검사", "품질"], ["결함의 종류", "육안 검사", "침투·초음파 검사"]),
        new("plumbing", Kim, "배관기능사 실기: 동관과 PPC관", "동관 용접, PPC관 융착, 도면 읽기까지 배관기능사 실기를 준비합니다.", CourseLevel.Beginner, 45000,
            ["배관", "배관기능사", "실기"], ["공구와 자재", "동관 접합", "PPC관 융착"]),
        new("plumbing", Kim, "주택 누수 탐지와 보수", "누수 탐지 장비 사용법과 벽체·바닥 배관 보수 절차를 사례로 배웁니다.", CourseLevel.Intermediate, 55000,
            ["누수", "보수", "주택"], ["누수 탐지 장비", "벽체 배관 보수", "바닥 배관 보수"]),
        new("plumbing", Kim, "수도 배관 기초 상식", "가정 수도 계량기, 밸브, 배수 트랩의 구조를 알고 간단한 고장을 직접 고칩니다.", CourseLevel.Beginner, 0,
            ["배관", "입문", "DIY"], ["급수 계통", "배수 계통"]),
        new("carpentry", Kim, "목공 입문: 공구와 짜맞춤", "톱·끌·대패 사용법과 장부 맞춤, 도브테일을 차근차근 익힙니다.", CourseLevel.Beginner, 35000,
            ["목공", "짜맞춤", "입문"], ["공구 다루기", "장부 맞춤", "도브테일"]),
        new("carpentry", Kim, "인테리어 목공: 천장과 가벽", "경량 목구조 천장틀과 가벽 세우기, 석고보드 마감까지 현장 순서대로 배웁니다.", CourseLevel.Intermediate, 69000,
            ["인테리어", "가벽", "천장"], ["먹매김", "천장틀", "가벽과 석고보드"]),
        new("carpentry", Kim, "거푸집 목공 실무", "기초·기둥·슬래브 거푸집의 조립과 해체, 안전 기준을 다룹니다.", CourseLevel.Advanced, 79000,
            ["거푸집", "형틀목공", "건설"], ["거푸집 도면", "기둥·벽 거푸집", "슬래브 거푸집"]),
        new("tiling-plastering", Kim, "타일 시공 기초: 욕실 벽타일", "바탕면 처리, 압착 시공, 줄눈 마감까지 욕실 벽타일 한 면을 완성합니다.", CourseLevel.Beginner, 42000,
            ["타일", "욕실", "시공"], ["바탕면 처리", "압착 시공", "줄눈과 마감"]),
        new("tiling-plastering", Kim, "미장 실무: 벽체와 바닥", "시멘트 모르타르 배합과 벽체 미장, 바닥 미장의 수평 잡기를 배웁니다.", CourseLevel.Intermediate, 52000,
            ["미장", "모르타르", "바닥"], ["배합과 재료", "벽체 미장", "바닥 미장"]),
        new("tiling-plastering", Kim, "대형 포세린 타일 시공", "600×1200 이상 대형 타일의 평탄 시공과 레벨링 클립 사용법을 다룹니다.", CourseLevel.Advanced, 0,
            ["타일", "포세린", "고급"], ["자재 운반과 재단", "레벨링 시스템"]),
        new("hvac", Park, "에어컨 설치와 냉매 배관", "벽걸이·스탠드 에어컨 설치, 동관 플레어 가공, 진공 작업을 실습합니다.", CourseLevel.Beginner, 48000,
            ["에어컨", "냉매", "설치"], ["실내기·실외기 설치", "플레어 가공", "진공과 냉매 충전"]),
        new("hvac", Park, "공조냉동기계기능사 실기", "냉동 사이클과 기기 구성, 실기 시험 배관 작업을 준비합니다.", CourseLevel.Intermediate, 65000,
            ["공조냉동", "자격증", "실기"], ["냉동 사이클", "기기 구성", "실기 배관"]),
        new("hvac", Park, "보일러 점검과 고장 진단", "가스보일러 구조와 에러 코드별 점검 순서를 현장 사례로 익힙니다.", CourseLevel.Advanced, 0,
            ["보일러", "난방", "고장진단"], ["보일러 구조", "에러 코드 진단"]),
        new("auto-repair", Park, "자동차 정비 입문: 엔진오일과 소모품", "엔진오일·필터·브레이크 패드 교환으로 정비의 기본기를 다집니다.", CourseLevel.Beginner, 0,
            ["자동차정비", "소모품", "입문"], ["정비 안전", "엔진오일 교환", "브레이크 패드"]),
        new("auto-repair", Park, "자동차정비기능사 실기", "엔진·섀시·전기 실기 과제를 시험장 순서대로 연습합니다.", CourseLevel.Intermediate, 72000,
            ["자동차정비기능사", "자격증", "실기"], ["엔진 과제", "섀시 과제", "전기 과제"]),
        new("auto-repair", Park, "전기차 고전압 안전과 정비", "전기차 고전압 시스템 차단 절차와 배터리·모터 점검을 다룹니다.", CourseLevel.Advanced, 99000,
            ["전기차", "고전압", "안전"], ["고전압 차단", "배터리 점검", "구동 모터"]),
        new("heavy-equipment", Park, "굴착기운전기능사 필기", "굴착기 구조, 건설기계 관리법, 안전관리 기출을 정리합니다.", CourseLevel.Beginner, 33000,
            ["굴착기", "필기", "자격증"], ["굴착기 구조", "관련 법규", "안전관리"]),
        new("heavy-equipment", Park, "지게차 운전 실무", "지게차 일상 점검과 화물 적재·하역, 코스 운전 요령을 익힙니다.", CourseLevel.Beginner, 0,
            ["지게차", "운전", "물류"], ["일상 점검", "적재와 하역"]),
        new("heavy-equipment", Park, "크레인 신호와 줄걸이", "타워·이동식 크레인 신호수 수신호와 줄걸이 작업 안전을 다룹니다.", CourseLevel.Intermediate, 58000,
            ["크레인", "신호수", "줄걸이"], ["표준 신호", "줄걸이 용구", "인양 계획"]),
        new("painting", Park, "건축 도장 기초: 퍼티와 롤러", "바탕 처리, 퍼티 작업, 롤러·붓 도장으로 실내 벽 한 면을 마감합니다.", CourseLevel.Beginner, 29000,
            ["도장", "퍼티", "인테리어"], ["바탕 처리", "퍼티 작업", "롤러 도장"]),
        new("painting", Park, "방수 도장: 우레탄과 에폭시", "옥상 우레탄 방수와 주차장 에폭시 바닥 도장의 공정을 배웁니다.", CourseLevel.Intermediate, 62000,
            ["방수", "우레탄", "에폭시"], ["하도와 중도", "우레탄 방수", "에폭시 바닥"]),
        new("painting", Park, "자동차 보수 도장", "판금 후 퍼티, 서페이서, 조색과 스프레이 도장까지 보수 도장 전 과정을 다룹니다.", CourseLevel.Advanced, 85000,
            ["자동차도장", "조색", "스프레이"], ["퍼티와 서페이서", "조색", "스프레이 도장"]),
        new("rebar-concrete", Kim, "철근 가공과 배근 기초", "철근 도면 읽기, 절단·절곡, 기초와 기둥 배근을 실습합니다.", CourseLevel.Beginner, 38000,
            ["철근", "배근", "건설"], ["철근 도면", "절단과 절곡", "기초·기둥 배근"]),
        new("rebar-concrete", Kim, "콘크리트 타설과 양생", "레미콘 타설 계획, 다짐, 양생과 품질 시험의 기초를 다룹니다.", CourseLevel.Intermediate, 0,
            ["콘크리트", "타설", "양생"], ["타설 계획", "다짐과 마감", "양생과 시험"]),
        new("rebar-concrete", Kim, "건설 현장 안전관리 실무", "추락·낙하·붕괴 위험 요인과 작업 전 안전 점검표 작성을 익힙니다.", CourseLevel.Advanced, 44000,
            ["안전관리", "건설", "산업안전"], ["위험성 평가", "추락·낙하 방지", "작업 전 점검"]),
    ];

    public static IReadOnlyList<SectionPlan> Curriculum(DemoCourse course) =>
        course.Sections.Select((title, i) => new SectionPlan(null, $"{i + 1}장 {title}",
        [
            // The first lecture is the free preview; in the two video courses it lasts as long as the generated video.
            new LecturePlan(null, $"{title}: 이론", i == 0 && HasVideo(course) ? VideoSeconds : 600, i == 0),
            new LecturePlan(null, $"{title}: 실습", 900, false),
        ])).ToList();

    public static DemoCourse Course(string title) => Courses.Single(c => c.Title == title);

    public static bool HasVideo(DemoCourse course) => course.Title is FreeVideoCourse or PaidVideoCourse;
}
