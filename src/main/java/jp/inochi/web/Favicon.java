package jp.inochi.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** Browsers ask for /favicon.ico whatever the page says; they get the site's icon instead of a 403 in the log. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class Favicon {
    static final String ICON = "/static/img/favicon.svg";

    @Get("/favicon.ico")
    HttpResponse<?> icon() {
        return HttpResponse.permanentRedirect(URI.create(ICON));
    }
}
