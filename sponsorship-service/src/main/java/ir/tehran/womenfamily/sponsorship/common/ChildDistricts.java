package ir.tehran.womenfamily.sponsorship.common;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where the children {@link Access} guards live, asked of the {@code child} package, which owns the roster and
 * implements this interface: {@code common} imports no feature package, and every feature may import it.
 * Each method runs in the caller's transaction.
 */
public interface ChildDistricts {

    /** The child's district as the only element (null when she has none); empty when she is not in the roster. */
    List<Short> of(UUID childId);

    /**
     * The district of the child a record is about ({@code entity}: an entity with a {@code childId}, such as a
     * pledge), as for {@link #of}; empty when there is no such record.
     */
    List<Short> ofChildOf(String entity, UUID id);

    /** Of these children, the ones in the roster whose district the scope sees. */
    Set<UUID> seenBy(Scope scope, Collection<UUID> childIds);
}
