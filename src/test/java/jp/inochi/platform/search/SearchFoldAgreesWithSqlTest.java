package jp.inochi.platform.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;

/** The database folds stored names with search_fold (V151) exactly as KanaFold folds what staff type. */
@MicronautTest(transactional = false)
class SearchFoldAgreesWithSqlTest {

    @Test
    void sqlAndJavaFoldEverySampleTheSameWay() {
        for (String sample : List.of("ヤマダ　ヒナタ", "やまだ ひなた", "ｶﾞｯｺｳ", "ﾊﾟﾋﾟﾌﾟ", "ＡＢＣ１２３", "Abc", "ヴァイオリン",
                "山田 陽菜", "ヽヾ", "０９６－１２３－４５６７", "ｸﾏﾓﾄ ﾐｻｷ")) {
            assertEquals(KanaFold.fold(sample), Sql.queryForStrings("SELECT search_fold(?)", sample).get(0), sample);
        }
    }

    @Test
    void sqlComparesPhoneNumbersByDigits() {
        assertEquals("0961234567", Sql.queryForStrings("SELECT search_digits(?)", "096-123-4567").get(0));
    }
}
