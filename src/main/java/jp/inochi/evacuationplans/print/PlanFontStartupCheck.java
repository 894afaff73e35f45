package jp.inochi.evacuationplans.print;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once at start-up, in Japanese and English, that plans can't be printed until the font is installed. */
@Singleton
final class PlanFontStartupCheck implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanFontStartupCheck.class);

    private final PlanFont font;

    PlanFontStartupCheck(PlanFont font) {
        this.font = font;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!font.available()) {
            LOG.warn(message(font));
        }
    }

    static String message(PlanFont font) {
        return "印刷用の日本語フォントがありません: " + font.file() + "。個別避難計画のPDFは作成できません（503）。"
                + "`apt-get install " + PlanFont.DEBIAN_PACKAGE + "` で導入するか、INOCHI_PRINT_FONT でフォントファイルを指定してください。"
                + " / The Japanese print font is missing: " + font.file() + ". Evacuation plan PDFs answer 503 until you"
                + " install it (`apt-get install " + PlanFont.DEBIAN_PACKAGE + "`, run by bin/setup-host) or set"
                + " INOCHI_PRINT_FONT to a TrueType font with Japanese glyphs.";
    }
}
