package org.assure.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.net.URI;
import java.util.Arrays;
import org.assure.kernel.FormErrors;

/** The shared steps of every form: validate a form record, re-show it with errors (422), or redirect (303). */
@Singleton
public class Forms {
    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    public FormErrors validate(Record form) {
        var fieldOrder = Arrays.stream(form.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        return FormErrors.of(validator.validate(form), fieldOrder);
    }

    /** The same page again with what was typed and what is wrong with it. */
    public static MutableHttpResponse<?> invalid(String view, Model model, FormErrors errors) {
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(view, model.with("errors", errors)));
    }

    public static MutableHttpResponse<?> page(String view, Model model) {
        if (!model.containsKey("errors")) {
            model.with("errors", FormErrors.none());
        }
        return HttpResponse.ok(new ModelAndView<>(view, model));
    }

    public static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }
}
