package jp.inochi.audit.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request came from, as a person reads it: the loopback address is this server itself, and an IPv4 address
 * that reached us over IPv6 ({@code ::ffff:192.0.2.7}, {@code 0:0:0:0:0:ffff:c000:207}) is shown as IPv4.
 */
public final class ClientAddressText {
    public static final String THIS_SERVER = "このサーバー（localhost）";
    private static final Pattern MAPPED_DOTTED = Pattern.compile("^(?:0{1,4}:){5}ffff:(\\d{1,3}(?:\\.\\d{1,3}){3})$");
    private static final Pattern MAPPED_HEX = Pattern.compile("^(?:0{1,4}:){5}ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$");

    private ClientAddressText() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "—";
        }
        String text = address.strip().toLowerCase(Locale.ROOT);
        String expanded = text.startsWith("::") ? "0:0:0:0:0:" + text.substring(2) : text;
        if (text.equals("::1") || text.matches("(0{1,4}:){7}0{0,3}1") || text.startsWith("127.")) {
            return THIS_SERVER;
        }
        Matcher dotted = MAPPED_DOTTED.matcher(expanded);
        if (dotted.matches()) {
            return of(dotted.group(1));
        }
        Matcher hex = MAPPED_HEX.matcher(expanded);
        if (hex.matches()) {
            int high = Integer.parseInt(hex.group(1), 16);
            int low = Integer.parseInt(hex.group(2), 16);
            return of((high >> 8) + "." + (high & 0xff) + "." + (low >> 8) + "." + (low & 0xff));
        }
        return address.strip();
    }
}
