package jp.inochi.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list: which rows to fetch (50 a page), the total as 「全123件中 1〜50件」, and plain links to the
 * previous, next and nearby pages that keep the search and filters (so paging works without JavaScript).
 * Pages are numbered from 1 in the address ({@code ?page=2}); a page past the end shows the last one.
 */
public record Pager(String path, Map<String, String> kept, int page, long total, int size) {
    public static final int SIZE = 50;
    /** How many page numbers either side of the current one are linked. */
    private static final int NEARBY = 2;

    /** A link of the pager: its page number, address, and whether it is the page shown. */
    public record Link(String label, String href, boolean current) {
    }

    /**
     * The page asked for (1 when absent or nonsense), clamped to the pages there are.
     * {@code kept} are the query parameters every link repeats (search, filters); blank ones are left out.
     */
    public static Pager of(String path, Map<String, String> kept, Integer requested, long total) {
        long pages = Math.max(1, (total + SIZE - 1) / SIZE);
        int page = requested == null || requested < 1 ? 1 : (int) Math.min(requested, pages);
        Map<String, String> params = new LinkedHashMap<>();
        kept.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                params.put(name, value);
            }
        });
        return new Pager(path, params, page, total, SIZE);
    }

    /** The same, with the kept parameters as name, value, name, value… in the order the links repeat them. */
    public static Pager of(String path, Integer requested, long total, String... keptNamesAndValues) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keptNamesAndValues.length; i += 2) {
            kept.put(keptNamesAndValues[i], keptNamesAndValues[i + 1]);
        }
        return of(path, kept, requested, total);
    }

    /** This page's rows of a list the server already holds in full (a bounded list such as the work list). */
    public <T> List<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), offset());
        return all.subList(from, (int) Math.min(all.size(), (long) from + size));
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public int limit() {
        return size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public long first() {
        return total == 0 ? 0 : offset() + 1;
    }

    public long last() {
        return Math.min(total, offset() + size);
    }

    /** 「全123件中 1〜50件」, or 「0件」. */
    public String summary() {
        return total == 0 ? "0件" : "全" + total + "件中 " + first() + "〜" + last() + "件";
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public String previous() {
        return href(page - 1);
    }

    public String next() {
        return href(page + 1);
    }

    /** The first page, the last, and those near the current one; a null href marks a gap (…). */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        int from = Math.max(1, page - NEARBY);
        int to = Math.min(pages(), page + NEARBY);
        if (from > 1) {
            links.add(link(1));
            if (from > 2) {
                links.add(new Link("…", null, false));
            }
        }
        for (int p = from; p <= to; p++) {
            links.add(link(p));
        }
        if (to < pages()) {
            if (to < pages() - 1) {
                links.add(new Link("…", null, false));
            }
            links.add(link(pages()));
        }
        return links;
    }

    private Link link(int p) {
        return new Link(String.valueOf(p), href(p), p == page);
    }

    /** The address of page {@code p}, with the kept parameters. */
    public String href(int p) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : kept.entrySet()) {
            url.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        if (p > 1) {
            url.append(separator).append("page=").append(p);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
