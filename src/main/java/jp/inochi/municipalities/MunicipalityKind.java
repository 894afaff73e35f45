package jp.inochi.municipalities;

/** 政令指定都市, 区, 市, 町, 村. */
public enum MunicipalityKind {
    DESIGNATED_CITY, WARD, CITY, TOWN, VILLAGE
}
