package ir.tehran.womenfamily.registry.common;

import java.util.UUID;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Used only when no consent register is deployed: then nobody has consented to anything, and nothing
 * is shared. The consent register, when present, replaces it.
 */
@ApplicationScoped
public class NoConsentsRecorded {

    @Produces
    @DefaultBean
    @ApplicationScoped
    ConsentLookup none() {
        return (UUID personId, ConsentLookup.Purpose purpose, String agency) -> false;
    }
}
