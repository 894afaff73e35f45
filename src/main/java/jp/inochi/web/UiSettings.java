package jp.inochi.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;

/**
 * Settings of the web UI ({@code inochi.ui} in application.yml). The base map is the only thing the UI loads from
 * outside the service: 地理院タイル by default, any XYZ tile URL in its place (an internal tile server, say).
 */
@ConfigurationProperties("inochi.ui")
public record UiSettings(
        @Bindable(defaultValue = "https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png") String baseMapUrl,
        @Bindable(defaultValue = "<a href=\"https://maps.gsi.go.jp/development/ichiran.html\">地理院タイル</a>") String baseMapAttribution,
        @Bindable(defaultValue = "18") int baseMapMaxZoom,
        @Bindable(defaultValue = "false") boolean secureCookies) {

    /** The origin of the base-map tiles, which the pages' Content-Security-Policy lets images come from. */
    public String baseMapOrigin() {
        try {
            URI uri = URI.create(baseMapUrl.replace("{", "").replace("}", ""));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "'self'";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "'self'";
        }
    }
}
