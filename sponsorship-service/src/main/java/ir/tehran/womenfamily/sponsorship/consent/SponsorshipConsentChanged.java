package ir.tehran.womenfamily.sponsorship.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A mother's consent to sponsorship changed: she consents now ({@code active}) or no longer does. Fired
 * synchronously by {@link ConsentProjection}, in the transaction that applies the registry's event.
 */
public record SponsorshipConsentChanged(UUID motherId, boolean active, Instant at) {
}
