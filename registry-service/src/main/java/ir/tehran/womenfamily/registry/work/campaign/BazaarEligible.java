package ir.tehran.womenfamily.registry.work.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code campaign.bazaar-eligible} v1: a mentee of the campaign reached her first sale and may
 * now apply to bazaars. Keyed by {@code personId}, the same id a business of hers carries as
 * {@code ownerId}, so the bazaar service can join it to its producers.
 */
public record BazaarEligible(UUID personId, UUID menteeId, boolean headsHousehold, int district,
        List<String> categories, LocalDate since, String sinceJalali) {

    public static final String AGGREGATE = "campaign";
    public static final String TYPE = "campaign.bazaar-eligible";
}
