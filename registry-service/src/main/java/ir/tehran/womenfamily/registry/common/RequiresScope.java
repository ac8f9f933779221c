package ir.tehran.womenfamily.registry.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client's token must hold this scope (claim {@code scope}) to call the operation: 403 {@code scope-required}
 * otherwise. Checked by {@link ScopeCheck} before the body is read or validated, so a client without the scope
 * learns nothing from the answer about its request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    String value();
}
