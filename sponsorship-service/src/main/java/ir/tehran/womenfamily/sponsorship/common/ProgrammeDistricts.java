package ir.tehran.womenfamily.sponsorship.common;

import java.util.List;
import java.util.UUID;

/**
 * Where the programmes {@link Access} guards are held, asked of the {@code programme} package, whose service owns
 * the query and implements this interface: {@code common} imports no feature package and holds no query. Runs in
 * the caller's transaction.
 */
public interface ProgrammeDistricts {

    /**
     * The programme's district as the only element (null for a city-wide one); empty when there is no such
     * programme.
     */
    List<Short> of(UUID programmeId);
}
