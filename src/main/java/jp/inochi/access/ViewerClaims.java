package jp.inochi.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The claims a token carries about its user, written at login and read on every request. */
public final class ViewerClaims {
    static final String USER_ID = "uid";
    static final String DISPLAY_NAME = "name";
    static final String MUNICIPALITY = "municipality";
    static final String WARD = "ward";
    /** The user's security stamp when the token was issued; a token with an older stamp is refused. */
    static final String STAMP = "stamp";
    /** The web sign-in (cookie session) the token belongs to; bearer tokens for API clients have none. */
    static final String SESSION = "sid";

    private ViewerClaims() {
    }

    static Map<String, Object> of(AppUser user) {
        return of(user, null);
    }

    static Map<String, Object> of(AppUser user, @Nullable UUID session) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(USER_ID, user.id());
        claims.put(DISPLAY_NAME, user.displayName());
        claims.put(STAMP, user.securityStamp());
        if (user.municipalityCode() != null) {
            claims.put(MUNICIPALITY, user.municipalityCode());
        }
        if (user.wardCode() != null) {
            claims.put(WARD, user.wardCode());
        }
        if (session != null) {
            claims.put(SESSION, session.toString());
        }
        return claims;
    }

    /** Also read by the audit log's refusal filter, which sees requests that no controller bound a viewer for. */
    public static Viewer toViewer(Authentication authentication, String clientAddress) {
        Map<String, Object> attributes = authentication.getAttributes();
        Role role = authentication.getRoles().stream().findFirst().map(Role::valueOf)
                .orElseThrow(() -> new IllegalStateException("A token without a role"));
        return new Viewer(((Number) attributes.get(USER_ID)).longValue(), authentication.getName(),
                (String) attributes.getOrDefault(DISPLAY_NAME, authentication.getName()), role,
                (String) attributes.get(MUNICIPALITY), (String) attributes.get(WARD), clientAddress);
    }

    /** The session a cookie-authenticated request belongs to, if any. */
    static @Nullable UUID session(Authentication authentication) {
        Object sid = authentication.getAttributes().get(SESSION);
        try {
            return sid == null ? null : UUID.fromString(sid.toString());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
