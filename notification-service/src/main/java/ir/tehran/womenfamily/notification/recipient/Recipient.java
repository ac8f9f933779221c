package ir.tehran.womenfamily.notification.recipient;

import java.util.UUID;

/**
 * Whom a notification is for, as a token names people: a producer by her business ({@code businesses} claim), a
 * woman by her registry id ({@code beneficiary_id} with role {@code woman}), a sponsor by her benefactor id
 * ({@code sponsor_id}).
 */
public record Recipient(Kind kind, UUID id) {

    /** The kinds of recipient, each named by one claim. */
    public enum Kind { BUSINESS, BENEFICIARY, SPONSOR }

    public static Recipient business(UUID id) {
        return new Recipient(Kind.BUSINESS, id);
    }

    public static Recipient beneficiary(UUID id) {
        return new Recipient(Kind.BENEFICIARY, id);
    }

    public static Recipient sponsor(UUID id) {
        return new Recipient(Kind.SPONSOR, id);
    }
}
