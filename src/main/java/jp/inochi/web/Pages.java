package jp.inochi.web;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.municipalities.Municipality;
import jp.inochi.platform.time.JapanTime;

/**
 * The model every page starts from: who is signed in, in what role, over which municipality, on what basis they see
 * households (センター業務, 本人同意, or an active 災害宣言), and the navigation their role may use.
 */
@Singleton
public class Pages {
    private final ActiveDeclarations declarations;
    private final Municipalities municipalities;
    private final UiSettings settings;
    private final Clock clock;

    Pages(ActiveDeclarations declarations, Municipalities municipalities, UiSettings settings, Clock clock) {
        this.declarations = declarations;
        this.municipalities = municipalities;
        this.settings = settings;
        this.clock = clock;
    }

    /** The signed-in person as the header shows them. */
    public record Me(String displayName, String username, String roleLabel, String scope, String basis,
                     boolean declarationActive) {
    }

    /** A menu entry; a secondary one folds into 「その他」 where the row would not fit (a tablet on its side). */
    public record NavItem(String section, String label, String href, boolean secondary) {
        public NavItem(String section, String label, String href) {
            this(section, label, href, false);
        }

        static NavItem more(String section, String label, String href) {
            return new NavItem(section, label, href, true);
        }
    }

    /** A mutable model with the header, the navigation and the page title. */
    public Map<String, Object> model(Viewer viewer, String title, String section) {
        Map<String, Object> model = new HashMap<>();
        model.put("me", me(viewer));
        model.put("nav", navigation(viewer.role()));
        model.put("section", section);
        model.put("title", title);
        model.put("today", JapanTime.today(clock));
        model.put("ui", settings);
        model.put("center", viewer.isCenter());
        return model;
    }

    public Me me(Viewer viewer) {
        String role = viewer.role().label();
        return switch (viewer.role()) {
            case CENTER_ADMIN, CENTER_STAFF -> new Me(viewer.displayName(), viewer.username(), role,
                    "熊本県医療的ケア児支援センター", "センター業務として全世帯を閲覧できます（閲覧はすべて監査ログに記録されます）", false);
            case AUDITOR -> new Me(viewer.displayName(), viewer.username(), role, "監査",
                    "監査ログのみ閲覧できます（世帯の情報は表示されません）", false);
            case MUNICIPAL_OFFICER -> officer(viewer, role);
        };
    }

    private Me officer(Viewer viewer, String role) {
        String scope = municipalities.municipality(viewer.municipalityCode()).map(Municipality::name)
                .orElse(viewer.municipalityCode());
        if (viewer.wardCode() != null) {
            scope += " " + municipalities.ward(viewer.wardCode()).map(Municipality::name).orElse(viewer.wardCode());
        }
        Instant now = clock.instant();
        Optional<ActiveDeclarations.Banner> active = declarations.latest(viewer, now);
        if (active.isEmpty()) {
            return new Me(viewer.displayName(), viewer.username(), role, scope,
                    "平常時：情報共有に同意した世帯（本人同意）のみ表示しています。同意のない世帯は表示されません", false);
        }
        ActiveDeclarations.Banner latest = active.get();
        String until = UiDialect.WAREKI.time(latest.effectiveEnd());
        return new Me(viewer.displayName(), viewer.username(), role, scope,
                "災害宣言中（" + latest.hazardLabel() + "、" + until + "まで）：同意のない世帯も表示しています"
                        + "（災害対策基本法第49条の11）。閲覧はすべて監査ログに記録されます", true);
    }

    static List<NavItem> navigation(Role role) {
        List<NavItem> items = new ArrayList<>();
        switch (role) {
            case CENTER_ADMIN, CENTER_STAFF -> {
                items.add(new NavItem("dashboard", "ダッシュボード", "/"));
                items.add(new NavItem("applications", "申請", "/applications"));
                items.add(new NavItem("households", "世帯", "/households"));
                items.add(new NavItem("loans", "貸与", "/loans"));
                items.add(new NavItem("work", "期限", "/work-list"));
                items.add(new NavItem("devices", "装置", "/devices"));
                items.add(new NavItem("plans", "個別避難計画", "/evacuation-plans"));
                items.add(NavItem.more("plan-list", "計画の一覧", "/evacuation-plans/list"));
                items.add(NavItem.more("reminders", "お知らせ", "/reminders"));
                items.add(new NavItem("map", "地図", "/map"));
                items.add(NavItem.more("atrisk", "区域内の世帯", "/at-risk"));
                items.add(NavItem.more("imports", "ハザード読み込み", "/hazard-imports"));
                items.add(NavItem.more("consultations", "相談記録", "/consultations"));
                items.add(NavItem.more("trainings", "研修会", "/trainings"));
                items.add(new NavItem("disasters", "災害対応", "/disasters"));
                if (role == Role.CENTER_ADMIN) {
                    items.add(NavItem.more("audit", "監査ログ", "/audit"));
                }
            }
            case MUNICIPAL_OFFICER -> {
                items.add(new NavItem("map", "ハザードマップ", "/map"));
                items.add(new NavItem("atrisk", "区域内の世帯", "/at-risk"));
                items.add(new NavItem("households", "世帯一覧", "/households"));
                items.add(new NavItem("plans", "個別避難計画", "/evacuation-plans"));
                items.add(new NavItem("plan-list", "計画の一覧", "/evacuation-plans/list"));
                items.add(new NavItem("disasters", "災害対応", "/disasters"));
            }
            case AUDITOR -> items.add(new NavItem("audit", "監査ログ", "/audit"));
        }
        return items;
    }
}
