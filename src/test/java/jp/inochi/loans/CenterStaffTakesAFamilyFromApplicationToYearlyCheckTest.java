package jp.inochi.loans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 7): a center staff user takes a family from the program application through approval, the loan
 * application, the device handover and a yearly check with a photo, entirely through the UI in Debian's Chromium,
 * against the real service and database (demo data loaded as bin/run does). Screenshots go to target/screenshots.
 */
class CenterStaffTakesAFamilyFromApplicationToYearlyCheckTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("center");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStaffMemberTakesAFamilyFromApplicationThroughHandoverToAYearlyCheck() throws Exception {
        String serial = "UI-" + System.nanoTime();
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-center", () -> walkThrough(page, serial));
        }
    }

    private void walkThrough(Page page, String serial) throws Exception {
        BrowserContext context = page.context();
        {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ダッシュボード"))).isVisible();
            assertThat(page.locator(".who")).containsText("センター職員");
            Screenshots.save(page, "01-dashboard");
            Screenshots.saveAtTabletWidth(page, "01-dashboard-tablet");

            // A generator for the family, entered into the inventory.
            page.navigate(server.url("/devices/new"));
            page.getByLabel("製造番号").fill(serial);
            page.getByLabel("メーカー").fill("ホンダ");
            page.getByLabel("型式").fill("EU18i");
            page.getByLabel("定格出力（W）").fill("1800");
            choose(page, "device-sineWave", "はい");
            page.getByLabel("タンク容量（L）").fill("3.6");
            page.getByLabel("満タンでの運転時間（時間）").fill("6.8");
            page.getByLabel("購入日").fill("2025-10-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
            assertThat(page.locator("#device-state")).hasText("貸出可能");

            // The household: a first try without the child's name keeps everything else that was typed.
            page.navigate(server.url("/households/new"));
            fillHousehold(page, "");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
            assertThat(page.locator(".notice-error")).containsText("お子さんの姓：入力してください");
            assertThat(page.locator("#household-childFamilyName-error")).containsText("入力してください");
            assertThat(page.locator("#household-address")).hasValue("熊本県人吉市下城本町1500");
            assertThat(page.locator("#household-childGivenNameKana")).hasValue("ミライ");
            Screenshots.save(page, "02-household-form-errors");
            page.locator("#household-childFamilyName").fill("球磨川");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
            assertThat(page.locator(".notice-success")).containsText("世帯を登録しました");
            assertThat(page.locator("#municipality")).hasText("人吉市");
            String householdUrl = page.url();
            Screenshots.save(page, "03-household");
            // The home moved a little: a click on the map (pin drop) fills the coordinates, saving records them.
            page.waitForLoadState();
            page.locator("#pin-map").click(new Locator.ClickOptions().setPosition(420, 120));
            String longitude = page.locator("#location-longitude").inputValue();
            org.junit.jupiter.api.Assertions.assertNotEquals("130.7624", longitude, "the click placed the pin elsewhere");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("位置を保存する")).click();
            assertThat(page.locator(".notice-success")).containsText("自宅の位置を保存しました");
            assertThat(page.locator("#home")).containsText(longitude);
            assertThat(page.locator("#exposure")).containsText("指定なし");

            // 事業利用申請: received, reviewed, approved.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("事業利用申請を受け付ける")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受け付ける")).click();
            assertThat(page.locator("#application-state")).hasText("受付済");
            assertThat(page.locator("#eligibility")).containsText("対象要件をすべて満たしています");
            String applicationUrl = page.url();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("審査を開始する")).click();
            assertThat(page.locator("#application-state")).hasText("審査中");

            // Someone else moves the application on while this page is open: the stale decision is refused clearly.
            Page other = context.newPage();
            other.navigate(applicationUrl);
            page.locator("summary", new Page.LocatorOptions().setHasText("ご家族に追加情報を依頼する")).click();
            page.getByLabel("依頼する内容").fill("退院証明書の写しをお送りください");
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承認する")).click();
            assertThat(other.locator("#confirm-approve")).containsText("承認します。よろしいですか？");
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、承認する")).click();
            assertThat(other.locator("#application-state")).hasText("承認");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("依頼を記録する")).click();
            assertThat(page.locator(".notice-error")).containsText("他の方が先にこの記録を更新したため、保存しませんでした");
            assertThat(page.locator(".notice-error .typed")).containsText("退院証明書の写しをお送りください");
            Screenshots.save(page, "04-program-application-conflict");
            other.close();
            page.navigate(applicationUrl);
            assertThat(page.locator("#application-state")).hasText("承認");
            Screenshots.save(page, "05-program-application-approved");

            // 貸与申請: received from the approved application, reviewed, decided, a device assigned, handed over.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("貸与申請を受け付ける")).click();
            assertThat(page.locator("#application-state")).hasText("受付済");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("審査を開始する")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("貸与を決定する")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、貸与を決定する")).click();
            assertThat(page.locator("#application-state")).hasText("貸与決定");
            page.getByLabel("装置（貸出可能な正弦波インバーター発電機）").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel(page.locator("#assign-device-deviceId option", new Page.LocatorOptions().setHasText(serial)).textContent()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("装置を割り当てる")).click();
            assertThat(page.locator("#application-state")).hasText("装置割当済");
            // The handover without the terms accepted is refused with the reason, nothing started.
            page.getByLabel("同意した方のお名前").fill("球磨川 春香");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("引き渡して貸与を開始する")).click();
            assertThat(page.locator(".notice-error")).containsText("保守管理費用（電気料金・燃料費等）のご負担への同意が必要です");
            assertThat(page.getByLabel("同意した方のお名前")).hasValue("球磨川 春香");
            Screenshots.save(page, "06-loan-application-handover-errors");
            page.locator("label.choice", new Page.LocatorOptions().setHasText("保守管理費用")).click();
            page.locator("label.choice", new Page.LocatorOptions().setHasText("紛失・破損")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("引き渡して貸与を開始する")).click();
            assertThat(page.locator("#confirm-hand-over")).containsText("個別避難計画の作成申請の期限");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、引き渡して貸与を開始する")).click();
            assertThat(page.locator(".notice-success")).containsText("貸与を開始しました");
            assertThat(page.locator("#loan-state")).hasText("貸与中");
            assertThat(page.locator("#deadlines")).isVisible();
            String loanUrl = page.url();

            // The yearly check with its checklist, then a photo.
            page.locator("#new-inspection > summary").click();
            page.getByLabel("確認した日").fill(java.time.LocalDate.now(jp.inochi.platform.time.JapanTime.ZONE).toString());
            choose(page, "inspection-deviceCondition", "良好");
            choose(page, "inspection-testRunPassed", "正常に動いた");
            choose(page, "inspection-fuelStoredSafely", "適切に保管されている");
            page.getByLabel("保管している燃料（リットル）").fill("１０");
            choose(page, "inspection-childUsesVentilatorAroundClock", "はい");
            choose(page, "inspection-familyLivesInPrefecture", "はい");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("年次確認を記録する")).click();
            assertThat(page.locator(".notice-success")).containsText("年次確認を記録しました");
            Locator check = page.locator("[id^=inspection-]").filter(new Locator.FilterOptions().setHasText("の確認")).first();
            assertThat(check).containsText("貸与の条件を満たす");
            assertThat(check).containsText("10");
            // Sent without a file: the photo's own message, and the token of the multipart action not left in the address bar.
            check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("写真を追加する").setExact(true)).click();
            assertThat(page.locator(".field-error").first()).containsText("JPEG か PNG の写真を選んでください");
            assertFalse(page.url().contains("_csrf"), page.url());
            assertFalse(page.locator("main").innerText().contains("範囲のファイル"), "the photo's field is not named after the disaster upload's");
            check = page.locator("[id^=inspection-]").filter(new Locator.FilterOptions().setHasText("の確認")).first();
            check.locator("input[type=file]").setInputFiles(png());
            check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("写真を追加する").setExact(true)).click();
            assertThat(page.locator(".notice-success")).containsText("写真を追加しました");
            Locator photo = page.locator(".photos img").first();
            assertThat(photo).isVisible();
            photo.scrollIntoViewIfNeeded();
            var response = page.request().get(server.url(photo.getAttribute("src")));
            assertEquals(200, response.status(), response.text());
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", photo.elementHandle());
            Screenshots.save(page, "07-loan");
            Screenshots.saveAtTabletWidth(page, "07-loan-tablet");

            // The timeline tells the whole story, and the household page links the loan.
            assertThat(page.locator("#timeline + ol")).containsText("承認");
            assertThat(page.locator("#timeline + ol")).containsText("引渡し（貸与開始）");
            assertThat(page.locator("#timeline + ol")).containsText("年次確認");
            page.navigate(householdUrl);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(loanUrl.substring(loanUrl.lastIndexOf('/') + 1))
                    .setExact(false))).isVisible();
            page.navigate(server.url("/devices?state=ON_LOAN"));
            assertThat(page.locator("#devices")).containsText(serial);
            Screenshots.save(page, "08-devices");
        }
    }

    /** Checks the radio button labelled {@code label} in the fieldset {@code id}. */
    static void choose(Page page, String id, String label) {
        page.locator("#" + id).getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private static void fillHousehold(Page page, String familyName) {
        page.locator("#household-childFamilyName").fill(familyName);
        page.locator("#household-childGivenName").fill("未来");
        page.locator("#household-childFamilyNameKana").fill("クマガワ");
        page.locator("#household-childGivenNameKana").fill("ミライ");
        page.locator("#household-childBirthDate").fill("2025-02-14");
        page.locator("#household-nicuInstitution").fill("熊本大学病院");
        choose(page, "household-nicuInKumamoto", "県内");
        page.locator("#household-nicuDischargeDate").fill("2025-06-20");
        choose(page, "household-ventilatorDependent", "はい（常時）");
        page.locator("#household-ventilatorHoursPerDay").fill("24");
        page.locator("#household-municipalityCode").selectOption("43203");
        page.locator("#household-address").fill("熊本県人吉市下城本町1500");
        page.locator("#household-longitude").fill("130.7624");
        page.locator("#household-latitude").fill("32.2104");
        choose(page, "household-sharesWithMunicipality", "同意している");
        page.locator("#household-sharingConsentDate").fill("2025-07-01");
        choose(page, "household-emailContactConsent", "同意していない");
        page.locator("#household-guardians\\[0\\]\\.name").fill("球磨川 春香");
    }

    /** A small real PNG, as a phone camera would not make it but the upload accepts. */
    private static Path png() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillRect(40, 60, 240, 120);
        g.dispose();
        Path file = Files.createTempFile("inochi-check-", ".png");
        ImageIO.write(image, "png", file.toFile());
        assertEquals(true, Files.size(file) > 0);
        return file;
    }
}
