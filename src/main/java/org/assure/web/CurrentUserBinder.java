package org.assure.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;

/** Lets a controller method declare {@code CurrentUser user} instead of unpacking an Authentication. */
@Singleton
class CurrentUserBinder implements TypedRequestArgumentBinder<CurrentUser> {
    @Override
    public Argument<CurrentUser> argumentType() {
        return Argument.of(CurrentUser.class);
    }

    @Override
    public BindingResult<CurrentUser> bind(ArgumentConversionContext<CurrentUser> context, HttpRequest<?> source) {
        var user = source.getUserPrincipal(Authentication.class).map(CurrentUser::from);
        return () -> user;
    }
}
