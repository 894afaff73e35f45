package jp.inochi.access;

import java.security.Principal;
import java.time.Clock;

/**
 * The signed-in person making a request. Controllers take it as a parameter; every household
 * query takes its {@link AccessScope}, and every read is audited in its name.
 */
public record Viewer(long userId, String username, String displayName, Role role,
                     String municipalityCode, String wardCode, String clientAddress) implements Principal {

    /** A Principal, so the OpenAPI generator knows it is bound from the token and not sent by the client. */
    @Override
    public String getName() {
        return username;
    }

    public AccessScope scope(Clock clock) {
        return new AccessScope(role, municipalityCode, wardCode, clock.instant());
    }

    public boolean isCenter() {
        return role.isCenter();
    }

    public boolean isMunicipalOfficer() {
        return role == Role.MUNICIPAL_OFFICER;
    }

    /** Who this is, as a file they export names them: 「熊本 花子（kumamoto-staff・センター職員）」. */
    public String label() {
        return displayName + "（" + username + "・" + role.label() + "）";
    }
}
