package jp.inochi.access.probe;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jp.inochi.access.AppUser;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.inspections.Inspection;
import jp.inochi.inspections.Inspections;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.ProbeFixture;

/**
 * The demo data has no yearly check of a 熊本市 family: records one (with a photo) on a running loan of theirs, so
 * the probe tries the inspection endpoints with it.
 */
@Singleton
class InspectionProbeFixture implements ProbeFixture {

    @Override
    @SuppressWarnings("unchecked")
    public void addRowsFor(ApplicationContext service, List<Long> householdIds) throws Exception {
        TransactionOperations<Connection> transactions = service.getBean(TransactionOperations.class);
        List<Long> loans = transactions.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "SELECT id FROM loan WHERE state = 'ACTIVE' AND household_id = ANY (?) ORDER BY id")) {
                Array ids = status.getConnection().createArrayOf("bigint", householdIds.toArray());
                statement.setArray(1, ids);
                var rows = statement.executeQuery();
                List<Long> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
                return found;
            }
        });
        if (loans.isEmpty()) {
            return;
        }
        AppUser staff = service.getBean(AppUserRepository.class).findAll().stream()
                .filter(user -> user.role() == Role.CENTER_STAFF && user.enabled()).findFirst().orElseThrow();
        Actor actor = Actor.of(new Viewer(staff.id(), staff.username(), staff.displayName(), staff.role(), null, null, "127.0.0.1"));
        Inspections inspections = service.getBean(Inspections.class);
        Inspection inspection = inspections.record(actor, new Inspections.NewInspection(loans.get(0),
                JapanTime.today(service.getBean(Clock.class)), DeviceCondition.GOOD, false, true, new BigDecimal("10"),
                true, true, "漏洩検査の確認", null)).inspection();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png);
        inspections.addPhoto(actor, inspection.id(), "probe.png", new ByteArrayInputStream(png.toByteArray()));
    }
}
