package jp.inochi.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit page's page links (plain GET links, no script): the search as typed, then the page number. */
record AuditPageLinks(long total, int page, int size, List<Link> links) {

    record Link(String label, String href, boolean current) {
    }

    static AuditPageLinks of(Map<String, String> search, long total, int page, int size) {
        int last = (int) Math.max(0, (total - 1) / size);
        StringBuilder base = new StringBuilder("/audit?");
        search.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                base.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        List<Link> links = new ArrayList<>();
        if (page > 0) {
            links.add(new Link("前へ", base + "page=" + page, false));
        }
        for (int i = Math.max(0, page - 4); i <= Math.min(last, page + 4); i++) {
            links.add(new Link(String.valueOf(i + 1), base + "page=" + (i + 1), i == page));
        }
        if (page < last) {
            links.add(new Link("次へ", base + "page=" + (page + 2), false));
        }
        return new AuditPageLinks(total, page, size, links);
    }

    public long firstShown() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastShown() {
        return Math.min(total, (long) (page + 1) * size);
    }
}
