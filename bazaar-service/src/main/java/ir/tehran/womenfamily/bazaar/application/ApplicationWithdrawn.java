package ir.tehran.womenfamily.bazaar.application;

import java.util.UUID;

/** Fired in the withdrawing transaction, so that her published stalls are released in the same commit. */
public record ApplicationWithdrawn(UUID applicationId, UUID bazaarId, UUID businessId) {
}
