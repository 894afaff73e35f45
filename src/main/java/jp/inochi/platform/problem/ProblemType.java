package jp.inochi.platform.problem;

/**
 * Every kind of error the API reports, as RFC 9457 problem types: a stable machine-readable
 * {@link #uri()}, the HTTP status, and a Japanese title for the people who read it.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 400, "入力内容に誤りがあります"),
    MALFORMED_REQUEST("malformed-request", 400, "リクエストの形式が正しくありません"),
    UNAUTHENTICATED("unauthenticated", 401, "ログインが必要です"),
    FORBIDDEN("forbidden", 403, "この操作を行う権限がありません"),
    NOT_FOUND("not-found", 404, "対象が見つかりません"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "この操作はこのURLでは使えません"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "現在の状態ではこの操作は行えません"),
    CONCURRENT_MODIFICATION("concurrent-modification", 409, "他の方が先に更新しました。最新の内容を確認してから、もう一度操作してください"),
    CONFLICT("conflict", 409, "既存のデータと矛盾するため処理できません"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "ファイルまたはリクエストが大きすぎます"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "この形式のデータには対応していません"),
    UNPROCESSABLE_FILE("unprocessable-file", 422, "ファイルを読み込めませんでした"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "短時間に試行が多すぎます。しばらく待ってから、もう一度お試しください"),
    INTERNAL_ERROR("internal-error", 500, "システムエラーが発生しました。時間をおいて再度お試しください"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "現在サービスを利用できません");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** Stable identifier clients may switch on, e.g. {@code urn:inochi:problem:illegal-transition}. */
    public String uri() {
        return "urn:inochi:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status that no specific exception explained. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION_FAILED && type != CONCURRENT_MODIFICATION
                    && type != ILLEGAL_TRANSITION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
