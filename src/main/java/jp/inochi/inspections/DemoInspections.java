package jp.inochi.inspections;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.DemoYearlyCheck;

/** The demo loans' yearly checks (a failed test run opens the demo's follow-up), with the fuel the family had stored and a photo of the unit. */
@Singleton
final class DemoInspections implements DemoYearlyCheck {
    private final Inspections inspections;

    DemoInspections(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void record(Actor staff, long loanId, LocalDate on, BigDecimal fuelLitres, boolean testRunPassed) {
        Inspections.Recorded recorded = inspections.record(staff, new Inspections.NewInspection(loanId, on,
                DeviceCondition.GOOD, testRunPassed, true, fuelLitres, true, true, testRunPassed
                ? "試運転10分、異常なし（デモ）" : "試運転でエンジンがかからない（デモ：要対応）", null));
        inspections.addPhoto(staff, recorded.inspection().id(), "demo-generator.png",
                new ByteArrayInputStream(generatorPicture()));
    }

    /** A plain drawing of a generator (a box, a handle, a panel): the same bytes on every load. */
    private static byte[] generatorPicture() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEEF2F5));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xC0392B));
        g.fillRoundRect(60, 70, 200, 130, 16, 16);
        g.setColor(new Color(0x333333));
        g.fillRect(100, 50, 120, 14);
        g.setColor(new Color(0xF5F5F5));
        g.fillRect(90, 100, 80, 50);
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
