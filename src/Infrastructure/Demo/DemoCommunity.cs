namespace LectureHub.Infrastructure.Demo;

/// <summary>A demo post on a board (by slug), with its comments in order; every comment after the first replies to the first.</summary>
internal sealed record DemoPost(string Board, string Author, string Title, string Body, (string Author, string Body)[] Comments, string[] Likers);

/// <summary>A review of a demo course by an enrolled demo student, and a question with its instructor's answer.</summary>
internal sealed record DemoReview(string Course, string Student, int Rating, string Body, string? Reply);

internal sealed record DemoQuestion(string Course, string Student, int? AtSeconds, string Title, string Body, string Answer);

/// <summary>What the community shows on the first run: posts on the trade boards, reviews and Q&amp;A on the demo courses.</summary>
internal static class DemoCommunity
{
    private const string Kim = DemoCatalog.Kim, Park = DemoCatalog.Park, Lee = DemoCatalog.Lee, Choi = DemoCatalog.Choi, Jung = DemoCatalog.Jung;

    /// <summary>Free courses the other demo students are enrolled in (so they may review them).</summary>
    public static readonly IReadOnlyList<(string Student, string Course)> FreeEnrolments =
    [
        (Choi, DemoCatalog.FreeVideoCourse), (Jung, DemoCatalog.FreeVideoCourse), (Choi, "수도 배관 기초 상식"), (Jung, "자동차 정비 입문: 엔진오일과 소모품"),
    ];

    public static readonly IReadOnlyList<DemoPost> Posts =
    [
        new("general", Lee, "전기 쪽으로 이직 준비 중입니다", "사무직 5년 하다가 **전기기능사**부터 준비하려고요. 독학으로도 실기 가능할까요?",
            [(Park, "필기는 독학으로 충분하고, 실기는 배선 연습 시간을 꼭 확보하세요. 하루 2시간씩 한 달이면 됩니다."), (Choi, "저도 같은 고민이었는데 입문 강의부터 듣고 있어요!")], [Choi, Jung, Park]),
        new("welding", Jung, "TIG 비드가 자꾸 울퉁불퉁해요", "토치 각도는 70도 정도로 잡는데 비드 폭이 일정하지 않습니다. 용가재 넣는 타이밍 문제일까요?",
            [(Kim, "대부분 이동 속도가 일정하지 않아서 그래요. 용가재는 용융지 앞쪽 가장자리에 톡톡 찍듯이 넣어 보세요."), (Jung, "감사합니다, 오늘 연습해 보겠습니다.")], [Kim, Lee]),
        new("welding", Kim, "여름철 용접 작업 안전 수칙", "1. 보호구는 땀에 젖으면 감전 위험이 커집니다. 여벌을 준비하세요.\n2. 30분마다 그늘에서 휴식.\n3. 밀폐 공간은 반드시 환기 후 작업.",
            [(Lee, "좋은 정보 감사합니다.")], [Lee, Choi, Jung]),
        new("plumbing", Choi, "욕실 배수구 냄새 잡는 법", "트랩을 교체했는데도 냄새가 올라옵니다. 봉수가 마르는 걸까요?",
            [(Kim, "봉수 깊이가 얕은 트랩이면 금방 마릅니다. 봉수 50mm 이상 제품으로 바꾸고 배관 통기도 확인해 보세요.")], [Jung]),
        new("electrical", Park, "누전차단기가 자꾸 떨어질 때 점검 순서", "- 부하를 하나씩 분리해 원인 회로 찾기\n- 절연저항계로 선로 측정 (1MΩ 이상)\n- 습기 많은 곳의 콘센트부터 의심",
            [(Lee, "절연저항 기준값이 궁금했는데 정리 감사합니다."), (Choi, "메가 테스터 사용법 강의도 있나요?")], [Lee, Choi]),
        new("hvac", Jung, "에어컨 진공 작업 몇 분 하세요?", "현장마다 다르게 하던데 기준이 궁금합니다.",
            [(Park, "배관 길이에 따라 다르지만 최소 15분, 진공 게이지로 500마이크론 이하 확인이 기준입니다.")], [Lee]),
        new("carpentry", Lee, "첫 도브테일 작품 후기", "삐뚤빼뚤하지만 처음으로 서랍 하나 완성했습니다. 끌 연마가 제일 어렵네요.",
            [(Kim, "첫 작품치고 훌륭합니다! 끌은 1000방 다음 6000방 순서로 연마해 보세요.")], [Kim, Choi, Jung]),
        new("auto-repair", Choi, "엔진오일 교환 주기 질문", "시내 주행 위주면 5천 km마다 바꾸는 게 맞나요?",
            [(Park, "가혹 조건(잦은 정차, 짧은 거리)이면 5천~7천 km가 적당합니다.")], [Jung]),
    ];

    public static readonly IReadOnlyList<DemoReview> Reviews =
    [
        new(DemoCatalog.FreeVideoCourse, Lee, 5, "안전 수칙부터 차근차근 알려주셔서 입문자에게 딱 맞습니다. 회로 설명이 특히 좋아요.", "끝까지 완주하시길 응원합니다!"),
        new(DemoCatalog.FreeVideoCourse, Choi, 4, "무료인데 내용이 알찹니다. 실습 예시가 조금 더 있으면 좋겠어요.", null),
        new(DemoCatalog.FreeVideoCourse, Jung, 5, "현장 예시가 많아서 이해가 쉬웠습니다.", null),
        new(DemoCatalog.PaidVideoCourse, Lee, 5, "장비 세팅부터 보여주셔서 처음 잡는 TIG 토치도 무섭지 않았어요.", "감사합니다. 실기 과제 편에서 뵙겠습니다."),
        new("수도 배관 기초 상식", Choi, 4, "집에서 바로 써먹었습니다. 수전 교체 편도 만들어 주세요.", null),
    ];

    public static readonly IReadOnlyList<DemoQuestion> Questions =
    [
        new(DemoCatalog.FreeVideoCourse, Lee, 30, "검전기는 어떤 제품을 써야 하나요?", "강의 30초쯤에 나오는 검전기요. 저압용이면 아무거나 괜찮을까요?",
            "저압(600V 이하)용 비접촉식이면 충분합니다. 사용 전에 살아 있는 콘센트로 동작을 먼저 확인하세요."),
        new(DemoCatalog.PaidVideoCourse, Lee, null, "텅스텐 전극 연마 각도", "전극 끝을 몇 도로 갈아야 하나요?",
            "직류 정극성이면 끝 각도 30~60도, 길이는 지름의 2~3배로 갈아 주세요."),
    ];
}
