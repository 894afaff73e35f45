package jp.inochi.access;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds a controller's {@link Viewer} parameter from the authenticated request. */
@Singleton
final class ViewerArgumentBinder implements TypedRequestArgumentBinder<Viewer> {
    private final ClientAddresses addresses;

    ViewerArgumentBinder(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Argument<Viewer> argumentType() {
        return Argument.of(Viewer.class);
    }

    @Override
    public BindingResult<Viewer> bind(ArgumentConversionContext<Viewer> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            // The security filter has not run yet; Micronaut binds again after it.
            return ArgumentBinder.BindingResult.unsatisfied();
        }
        Optional<Viewer> viewer = request.getUserPrincipal(Authentication.class)
                .map(authentication -> ViewerClaims.toViewer(authentication, addresses.of(request)));
        return () -> viewer;
    }
}
