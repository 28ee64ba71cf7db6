namespace Shinchoku.Web.Notifications;

/// <summary>What a notification tells its reader; each user chooses by kind which ones also come by e-mail.</summary>
public enum NotificationKind
{
    /// <summary>The DX office returned (or reopened) a report of the reader's department (差戻し).</summary>
    Returned,

    /// <summary>The DX office approved a report of the reader's department (承認).</summary>
    Approved,

    /// <summary>A comment on a report in review.</summary>
    Commented,

    /// <summary>A department submitted a report with a question to the experts.</summary>
    QuestionAsked,

    /// <summary>An expert answered the question on a report.</summary>
    ExpertAnswered,

    /// <summary>A cycle's deadline passed with the reader's reports still owed.</summary>
    DeadlinePassed,
}

/// <summary>The words for each kind of notification, as the settings page and the to-do list show them.</summary>
public static class NotificationKinds
{
    /// <summary>The kinds in the order the settings page offers them.</summary>
    public static readonly IReadOnlyList<NotificationKind> All =
        [NotificationKind.Returned, NotificationKind.Approved, NotificationKind.Commented, NotificationKind.QuestionAsked, NotificationKind.ExpertAnswered, NotificationKind.DeadlinePassed];

    /// <summary>A short label (差戻し).</summary>
    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => "差戻し",
        NotificationKind.Approved => "承認",
        NotificationKind.Commented => "コメント",
        NotificationKind.QuestionAsked => "有識者への質問",
        NotificationKind.ExpertAnswered => "有識者の回答",
        NotificationKind.DeadlinePassed => "提出期限の超過",
        _ => kind.ToString(),
    };

    /// <summary>When it is sent, for the settings page.</summary>
    public static string When(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => "担当する報告がDX推進担当から差し戻されたとき",
        NotificationKind.Approved => "担当する報告がDX推進担当に承認されたとき",
        NotificationKind.Commented => "担当する報告にコメントが書き込まれたとき",
        NotificationKind.QuestionAsked => "所管課が「専門家に聞きたいこと」を書いた報告を提出したとき（有識者）",
        NotificationKind.ExpertAnswered => "担当する報告の質問に有識者が回答したとき",
        NotificationKind.DeadlinePassed => "提出期限を過ぎても担当する報告が提出されていないとき",
        _ => kind.ToString(),
    };
}
