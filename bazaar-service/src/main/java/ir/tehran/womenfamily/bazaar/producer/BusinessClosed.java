package ir.tehran.womenfamily.bazaar.producer;

import java.util.UUID;

/**
 * Fired (synchronously, in the consumer's transaction) when a business closes, so that its open
 * applications, future stalls and offers are settled in the same transaction as the event is recorded.
 */
public record BusinessClosed(UUID businessId) {
}
