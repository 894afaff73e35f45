package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * "From where" for the audit log: the connection's own address, which a client can't forge. Behind a reverse proxy,
 * set {@code INOCHI_CLIENT_ADDRESS_HEADER=X-Forwarded-For}: the last address in that header (the one the proxy
 * itself appended) is used. Micronaut's default resolver believes any client's X-Forwarded-For, so it isn't used.
 */
@Singleton
public final class ClientAddresses {
    private final String header;

    ClientAddresses(@Nullable @Value("${inochi.security.client-address-header:}") String header) {
        this.header = header == null || header.isBlank() ? null : header;
    }

    public String of(HttpRequest<?> request) {
        if (header != null) {
            List<String> values = request.getHeaders().getAll(header);
            if (!values.isEmpty()) {
                String[] hops = values.get(values.size() - 1).split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
