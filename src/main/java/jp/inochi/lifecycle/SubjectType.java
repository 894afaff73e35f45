package jp.inochi.lifecycle;

/** What a lifecycle event is about. */
public enum SubjectType implements Labelled {
    PROGRAM_APPLICATION("事業利用申請"),
    LOAN_APPLICATION("貸与申請"),
    LOAN("貸与"),
    DEVICE("装置"),
    INSPECTION("確認"),
    INCIDENT("紛失・破損"),
    HOUSEHOLD("世帯"),
    TERMS_ACCEPTANCE("貸与条件の同意"),
    DISASTER_EVENT("災害対応");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
