package jp.inochi.evacuationplans.model;

/** Why a current plan needs to be looked at again (見直しが必要). */
public enum ReviewReason {
    MOVED("転居しました（住所が変わりました）"),
    HAZARD_CHANGED("ハザードマップの更新で自宅の区域が変わりました"),
    DEVICE_CHANGED("貸与する非常用電源装置が変わりました"),
    CHECK_FAILED("年次確認で問題が見つかりました"),
    YEARLY("前回の作成から1年が経ちました");

    private final String label;

    ReviewReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
