package jp.inochi.access;

import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.Map;

/** The claims a token carries about its user, written at login and read on every request. */
final class ViewerClaims {
    static final String USER_ID = "uid";
    static final String DISPLAY_NAME = "name";
    static final String MUNICIPALITY = "municipality";
    static final String WARD = "ward";

    private ViewerClaims() {
    }

    static Map<String, Object> of(AppUser user) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(USER_ID, user.id());
        claims.put(DISPLAY_NAME, user.displayName());
        if (user.municipalityCode() != null) {
            claims.put(MUNICIPALITY, user.municipalityCode());
        }
        if (user.wardCode() != null) {
            claims.put(WARD, user.wardCode());
        }
        return claims;
    }

    static Viewer toViewer(Authentication authentication, String clientAddress) {
        Map<String, Object> attributes = authentication.getAttributes();
        Role role = authentication.getRoles().stream().findFirst().map(Role::valueOf)
                .orElseThrow(() -> new IllegalStateException("A token without a role"));
        return new Viewer(((Number) attributes.get(USER_ID)).longValue(), authentication.getName(),
                (String) attributes.getOrDefault(DISPLAY_NAME, authentication.getName()), role,
                (String) attributes.get(MUNICIPALITY), (String) attributes.get(WARD), clientAddress);
    }
}
