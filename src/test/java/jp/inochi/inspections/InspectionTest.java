package jp.inochi.inspections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.inochi.access.Role;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanReturns;
import jp.inochi.loans.Loans;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "inochi.files.dir", value = InspectionTest.FILES)
@Property(name = "inochi.files.max-photo-bytes", value = "300000")
@Property(name = "inochi.files.max-photo-pixels", value = "1000000")
class InspectionTest {
    static final String FILES = "target/test-files/inspections";
    private static final LocalDate START = LocalDate.of(2026, 1, 20);

    @Inject
    Inspections inspections;

    @Inject
    Loans loans;

    @Inject
    LoanReturns returns;

    @Inject
    Devices devices;

    @Inject
    TestLoans testLoans;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @Inject
    @Client("/")
    HttpClient http;

    /** The database is new for every test run but this directory is not: start it empty so ids can't collide. */
    @BeforeAll
    static void emptyFilesDirectory() throws IOException {
        Path root = Path.of(FILES);
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Inspections.NewInspection check(long loanId, LocalDate on, boolean onVentilator, boolean inPrefecture,
                                            InspectionOutcome outcome) {
        return new Inspections.NewInspection(loanId, on, DeviceCondition.GOOD, true, true, new BigDecimal("12.5"),
                onVentilator, inPrefecture, "試運転10分、異常なし", outcome);
    }

    @Test
    void aCheckRecordsTheChecklistAndTheFuelAndTheNextCheckFallsDueTwelveMonthsLater() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        assertEquals(LocalDate.of(2027, 1, 20), loan.nextCheckDue());
        clock.setDate(LocalDate.of(2026, 12, 10));
        Inspections.Recorded recorded = inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2026, 12, 10), true, true, null));
        assertEquals(InspectionOutcome.CONDITIONS_MET, recorded.inspection().outcome());
        assertEquals(LocalDate.of(2027, 12, 10), recorded.loan().nextCheckDue());
        assertEquals(false, recorded.returnOpened());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household_generator_fuel WHERE loan_id = ? "
                + "AND fuel_stored_litres = 12.5 AND runtime_hours_per_tank = 8.0 AND tank_litres = 3.6", loan.id()));
        assertTrue(loans.timeline(loan.id()).stream().anyMatch(e -> e.action().equals("record-inspection")));
    }

    @Test
    void aCheckThatFindsTheFamilyOutsideThePrefectureOpensTheReturn() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2027, 1, 5));
        Inspections.Recorded recorded = inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2027, 1, 5), true, false, null));
        assertEquals(InspectionOutcome.CONDITIONS_NOT_MET, recorded.inspection().outcome());
        assertTrue(recorded.returnOpened());
        Loan after = loans.get(loan.id());
        assertEquals(LoanState.RETURN_OPEN, after.state());
        assertEquals(ReturnReason.INSPECTION_FAILED, after.returnReason());
        assertEquals("ご家族が熊本県内に住んでいない", after.returnNote());
    }

    @Test
    void aCheckThatFindsTheChildOffTheVentilatorUpdatesTheHouseholdWithTheCheckAsSourceBeforeTheReturnOpens() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2027, 1, 5));
        Inspections.Recorded recorded = inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2027, 1, 5), false, true, null));
        assertTrue(recorded.returnOpened());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM household WHERE id = ? AND ventilator_dependent", loan.householdId()));
        long weaned = Sql.queryForLong("SELECT id FROM lifecycle_event WHERE subject_type = 'HOUSEHOLD' AND subject_id = ? "
                + "AND action = 'weaned-off-ventilator' AND detail = ?", loan.householdId(), "source=inspection:" + recorded.inspection().id());
        long returnOpened = Sql.queryForLong("SELECT id FROM lifecycle_event WHERE subject_type = 'LOAN' AND subject_id = ? "
                + "AND action = 'open-return'", loan.id());
        assertTrue(weaned < returnOpened, "the household follows the check before the return opens");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'TRANSITION' "
                + "AND detail = 'weaned-off-ventilator'", loan.householdId()));
    }

    @Test
    void aCheckThatFindsTheFamilyOutsideThePrefectureNotesItInTheHouseholdsTimeline() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2027, 1, 5));
        Inspections.Recorded recorded = inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2027, 1, 5), true, false, null));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE subject_type = 'HOUSEHOLD' AND subject_id = ? "
                + "AND action = 'moved-out-of-prefecture' AND detail = ?", loan.householdId(), "source=inspection:" + recorded.inspection().id()));
    }

    @Test
    void checkFindingTheChildInHospitalMarksTheHouseholdNotAtHome() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2027, 1, 5));
        Inspections.Recorded recorded = inspections.record(testLoans.staff(), new Inspections.NewInspection(loan.id(),
                LocalDate.of(2027, 1, 5), DeviceCondition.GOOD, true, true, new BigDecimal("12.5"), true, true,
                "入院中のため病院で確認", null, false));
        assertTrue(!recorded.inspection().childLivesAtHome());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM household WHERE id = ? AND lives_at_home", loan.householdId()));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE subject_type = 'HOUSEHOLD' AND subject_id = ? "
                + "AND action = 'found-not-at-home' AND detail = ?", loan.householdId(), "source=inspection:" + recorded.inspection().id()));
    }

    @Test
    void anOutcomeThatContradictsTheChecklistIsRefused() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2026, 6, 1));
        var refused = assertThrows(InvalidInputException.class, () -> inspections.record(testLoans.staff(),
                check(loan.id(), LocalDate.of(2026, 6, 1), false, true, InspectionOutcome.CONDITIONS_MET)));
        assertTrue(refused.getMessage().contains("返還"), refused.getMessage());
        assertEquals(LoanState.ACTIVE, loans.get(loan.id()).state());
    }

    @Test
    void aCheckCannotBeDatedBeforeTheLoanStartedNorBeforeThePreviousCheckNorInTheFuture() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2026, 6, 1));
        assertThrows(InvalidInputException.class, () -> inspections.record(testLoans.staff(),
                check(loan.id(), START.minusDays(1), true, true, null)));
        assertThrows(InvalidInputException.class, () -> inspections.record(testLoans.staff(),
                check(loan.id(), LocalDate.of(2026, 6, 2), true, true, null)));
        inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2026, 5, 1), true, true, null));
        var earlier = assertThrows(InvalidInputException.class, () -> inspections.record(testLoans.staff(),
                check(loan.id(), LocalDate.of(2026, 4, 1), true, true, null)));
        assertTrue(earlier.getMessage().contains("前回の確認日"), earlier.getMessage());
    }

    @Test
    void aLoanWhoseReturnIsOpenIsNotCheckedAnymore() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2026, 6, 1));
        returns.openReturn(testLoans.staff(), loan.id(), new LoanReturns.ReturnRequest(ReturnReason.FAMILY_REQUEST, null, null, null));
        var refused = assertThrows(IllegalTransitionException.class, () -> inspections.record(testLoans.staff(),
                check(loan.id(), LocalDate.of(2026, 6, 1), true, true, null)));
        assertEquals("RETURN_OPEN", refused.extensions().get("currentState"));
        assertEquals(0, inspections.list(loan.id()).size());
    }

    @Test
    void aCheckOfADamagedUnitRecordsTheDevicesCondition() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2026, 6, 1));
        inspections.record(testLoans.staff(), new Inspections.NewInspection(loan.id(), LocalDate.of(2026, 6, 1),
                DeviceCondition.DAMAGED, false, true, BigDecimal.ZERO, true, true, "外装割れ、始動せず", null));
        assertEquals(DeviceCondition.DAMAGED, devices.get(loan.deviceId()).condition());
    }

    // --- photos -------------------------------------------------------------------------------------------

    private long inspectionId() {
        Loan loan = testLoans.loanStartedOn(START);
        clock.setDate(LocalDate.of(2026, 3, 1));
        return inspections.record(testLoans.staff(), check(loan.id(), LocalDate.of(2026, 3, 1), true, true, null))
                .inspection().id();
    }

    private HttpResponse<Map> upload(long inspectionId, String name, MediaType type, byte[] bytes) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, type, bytes).build();
        return http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/inspections/" + inspectionId
                + "/photos", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class);
    }

    private static byte[] image(String format, int width, int height, boolean noise) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noise ? random.nextInt(0xFFFFFF) : (x * 255 / width) << 16 | (y * 255 / height) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static long filesUnder(String dir) throws IOException {
        Path root = Path.of(FILES, dir);
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aRealJpegIsStoredAsAFileAndServedBackByteForByte() throws Exception {
        long id = inspectionId();
        byte[] jpeg = image("jpg", 320, 240, false);
        HttpResponse<Map> created = upload(id, "写真 1.jpg", MediaType.IMAGE_JPEG_TYPE, jpeg);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<?, ?> photo = created.body();
        assertEquals("image/jpeg", photo.get("contentType"));
        assertEquals(320, photo.get("width"));
        assertEquals("写真 1.jpg", photo.get("originalName"));
        Path stored = Path.of(FILES, "inspections", Long.toString(id), (String) photo.get("storedName"));
        assertArrayEquals(jpeg, Files.readAllBytes(stored));
        byte[] served = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/inspections/" + id + "/photos/" + photo.get("id"))), byte[].class);
        assertArrayEquals(jpeg, served);
    }

    @Test
    void aPhonePhotoIsKeptWithoutThePlaceItWasTakenAndItsSizeAndHashAreOfTheKeptFile() throws Exception {
        long id = inspectionId();
        byte[] phone = PhotoMetadataTest.phoneJpeg();
        Map<?, ?> photo = upload(id, "IMG_0001.jpg", MediaType.IMAGE_JPEG_TYPE, phone).body();
        Path stored = Path.of(FILES, "inspections", Long.toString(id), (String) photo.get("storedName"));
        byte[] kept = Files.readAllBytes(stored);
        assertFalse(PhotoMetadataTest.contains(kept, PhotoMetadataTest.WHERE.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "no GPS or description in the kept file");
        assertEquals(kept.length, ((Number) photo.get("sizeBytes")).longValue());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(kept)),
                photo.get("sha256"));
        byte[] served = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/inspections/" + id + "/photos/" + photo.get("id"))), byte[].class);
        assertArrayEquals(kept, served);
    }

    @Test
    void aPngIsAcceptedWhateverTypeTheBrowserDeclared() {
        long id = inspectionId();
        Map<?, ?> photo = upload(id, "fuel.png", MediaType.APPLICATION_OCTET_STREAM_TYPE, uncheckedImage("png", 64, 64)).body();
        assertEquals("image/png", photo.get("contentType"));
        assertTrue(((String) photo.get("storedName")).endsWith(".png"));
    }

    @Test
    void aPhotoOverTheSizeLimitIs413AndLeavesNoFileAndNoRow() throws Exception {
        long id = inspectionId();
        byte[] big = image("png", 400, 400, true);
        assertTrue(big.length > 300_000, "the noise image must exceed the limit: " + big.length);
        long filesBefore = filesUnder("");
        var refused = Problems.refused(() -> upload(id, "big.png", MediaType.IMAGE_PNG_TYPE, big));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, refused.getStatus());
        assertEquals("urn:inochi:problem:payload-too-large", Problems.body(refused).get("type"));
        assertTrue(((String) Problems.body(refused).get("detail")).contains("MB まで"));
        assertEquals(filesBefore, filesUnder(""));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM inspection_photo WHERE inspection_id = ?", id));
    }

    @Test
    void aTextFileNamedLikeAPhotoIs415() throws Exception {
        long id = inspectionId();
        var refused = Problems.refused(() -> upload(id, "photo.jpg", MediaType.IMAGE_JPEG_TYPE,
                "これは写真ではありません".getBytes(StandardCharsets.UTF_8)));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refused.getStatus());
        assertTrue(((String) Problems.body(refused).get("detail")).contains("JPEGまたはPNG"));
        assertEquals(0, filesUnder("inspections/" + id));
        assertEquals(0, filesUnder("tmp"));
    }

    @Test
    void aTruncatedJpegIs422AndNothingIsKept() throws Exception {
        long id = inspectionId();
        byte[] jpeg = image("jpg", 320, 240, true);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        var refused = Problems.refused(() -> upload(id, "cut.jpg", MediaType.IMAGE_JPEG_TYPE, truncated));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals("urn:inochi:problem:unprocessable-file", Problems.body(refused).get("type"));
        assertEquals(0, filesUnder("inspections/" + id));
        assertEquals(0, filesUnder("tmp"));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM inspection_photo WHERE inspection_id = ?", id));
    }

    @Test
    void aTruncatedPngIs422() {
        long id = inspectionId();
        byte[] png = uncheckedImage("png", 200, 200);
        var refused = Problems.refused(() -> upload(id, "cut.png", MediaType.IMAGE_PNG_TYPE, Arrays.copyOf(png, png.length - 40)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
    }

    @Test
    void aPictureWithTooManyPixelsIsRefusedBeforeItIsDecoded() {
        long id = inspectionId();
        var refused = Problems.refused(() -> upload(id, "huge.png", MediaType.IMAGE_PNG_TYPE, uncheckedImage("png", 1200, 1000)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(((String) Problems.body(refused).get("detail")).contains("画素数"));
    }

    @Test
    void anEmptyUploadIs400() {
        long id = inspectionId();
        var refused = Problems.refused(() -> upload(id, "empty.jpg", MediaType.IMAGE_JPEG_TYPE, new byte[0]));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
    }

    @Test
    void aPhotoOfAnotherInspectionIsNotFound() {
        long first = inspectionId();
        long second = inspectionId();
        Map<?, ?> photo = upload(first, "a.png", MediaType.IMAGE_PNG_TYPE, uncheckedImage("png", 32, 32)).body();
        var refused = Problems.refused(() -> http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/inspections/" + second + "/photos/" + photo.get("id"))), byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
    }

    private static byte[] uncheckedImage(String format, int width, int height) {
        try {
            return image(format, width, height, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
