package jp.inochi.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every screen a role can reach by following links works: signed in as each demo user (one per role and per kind of
 * municipal officer), the pages reachable by GET links from the landing page are visited breadth-first over the demo
 * data, each URL pattern a few times. A page fails on an error status (a link shown that answers 403 or 404 is a bug
 * too), on being wider than the window at 1,280 px, and on artefacts in its text: null, undefined, NaN, an unfilled
 * placeholder, an exception name, an i18n miss.
 */
class EveryPageWorksForEveryRoleTest {
    /** A role's users: the center, the auditor, an officer of a municipality, of a designated city and of its ward. */
    private static final List<String> USERS = List.of("staff", "admin", "auditor", "hitoyoshi", "kumamoto", "kumamoto-chuo");
    private static final int VISITS_PER_PATTERN = 3;
    private static final int PAGES_PER_ROLE = 150;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOWNLOAD = Pattern.compile("\\.(csv|xlsx|pdf|zip|png|jpe?g|geojson|mvt)$|[?&]format=");
    /** Words bounded by anything but ASCII letters and digits: Japanese text sits right against them ("null件"). */
    private static final Pattern ARTEFACT = Pattern.compile("(?<![A-Za-z0-9_])(null|undefined|NaN|[A-Za-z]*Exception"
            + "|Error:)(?![A-Za-z0-9_])|\\{id}|\\$\\{|\\?\\?[^?\\s]*\\?\\?");
    /** Links a page shows, same origin, as the browser resolved them; anchors and the sign-out form aside. */
    private static final String LINKS = "() => Array.from(document.querySelectorAll('a[href]'))"
            + ".filter(a => !a.hasAttribute('download')).map(a => a.href.split('#')[0])";

    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("crawler");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageReachableByLinksWorksForEveryRole() {
        List<String> failures = new ArrayList<>();
        for (String user : USERS) {
            try {
                failures.addAll(crawl(user));
            } catch (PlaywrightException stuck) {
                failures.add(user + ": the crawl stopped: " + firstLine(stuck.getMessage()));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
    }

    @Test
    void theArtefactCheckCatchesWhatAPersonWouldSee() {
        for (String shown : List.of("氏名：null", "null件", "undefined件", "NaN時間", "/loans/{id}", "${loan.id}",
                "NullPointerException", "Error: boom", "??nav.home_ja??")) {
            assertTrue(ARTEFACT.matcher(shown).find(), shown);
        }
        for (String fine : List.of("貸与中", "Inochi", "エラーはありません", "null値なし".replace("null", "ヌル"))) {
            assertTrue(!ARTEFACT.matcher(fine).find(), fine);
        }
    }

    private List<String> crawl(String user) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> patterns = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> foundOn = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        int pages = 0;
        long started = System.nanoTime();
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, user);
            String landing = page.url();
            queue.add(landing);
            seen.add(landing);
            while (!queue.isEmpty() && pages < PAGES_PER_ROLE) {
                String url = queue.poll();
                String pattern = pattern(url);
                if (patterns.getOrDefault(pattern, 0) >= VISITS_PER_PATTERN) {
                    continue;
                }
                patterns.merge(pattern, 1, Integer::sum);
                pages++;
                String where = user + " " + path(url) + (foundOn.containsKey(url) ? " (linked from " + foundOn.get(url) + ")" : "");
                Response response;
                try {
                    response = page.navigate(url);
                    page.waitForLoadState();
                } catch (PlaywrightException download) {
                    if (String.valueOf(download.getMessage()).contains("Download is starting")) {
                        continue;
                    }
                    failures.add(where + ": did not open: " + firstLine(download.getMessage()));
                    continue;
                }
                failures.addAll(problems(page, response, where));
                if (pages <= 2 || pattern.contains("{id}") && patterns.get(pattern) == 1 && pages % 10 == 0) {
                    Screenshots.save(page, "90-crawl-" + user + "-" + pages);
                }
                for (Object link : (List<?>) page.evaluate(LINKS)) {
                    String next = String.valueOf(link);
                    if (followable(next) && seen.add(next)) {
                        foundOn.put(next, path(url));
                        queue.add(next);
                    }
                }
            }
        }
        failures.forEach(failure -> System.out.println("crawler: " + failure));
        System.out.printf("crawler: %s visited %d pages of %d URL patterns in %d s%s: %s%n", user, pages, patterns.size(),
                (System.nanoTime() - started) / 1_000_000_000L, queue.isEmpty() ? "" : " (page cap reached)", patterns.keySet());
        return failures;
    }

    private static List<String> problems(Page page, Response response, String where) {
        List<String> problems = new ArrayList<>();
        int status = response == null ? 200 : response.status();
        if (status >= 400) {
            problems.add(where + ": answered " + status + (status == 403 || status == 404 ? " for a link the role was shown" : ""));
        }
        if (path(page.url()).startsWith("/login")) {
            problems.add(where + ": sent back to the sign-in page");
        }
        Object wider = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
                + " ? document.documentElement.scrollWidth : 0");
        if (((Number) wider).intValue() > 0) {
            problems.add(where + ": wider than the window at 1280px (" + wider + "px)");
        }
        String text = String.valueOf(page.evaluate("() => document.body.innerText"));
        Matcher artefact = ARTEFACT.matcher(text);
        while (artefact.find()) {
            String around = text.substring(Math.max(0, artefact.start() - 20), Math.min(text.length(), artefact.end() + 20));
            problems.add(where + ": shows \"" + artefact.group() + "\" in \"" + around.replace('\n', ' ') + "\"");
        }
        return problems;
    }

    private static boolean followable(String url) {
        URI uri = URI.create(url);
        if (!server.uri().getAuthority().equals(uri.getAuthority()) || !uri.getScheme().startsWith("http")) {
            return false;
        }
        String path = uri.getRawPath();
        return !path.startsWith("/api/") && !path.equals("/logout") && !path.startsWith("/tiles/")
                && !DOWNLOAD.matcher(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).find();
    }

    /** The URL without its origin, numbers replaced by {id}: pages of one kind. */
    private static String pattern(String url) {
        return DIGITS.matcher(path(url)).replaceAll("{id}");
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
