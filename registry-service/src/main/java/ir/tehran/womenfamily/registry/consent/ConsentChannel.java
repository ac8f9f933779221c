package ir.tehran.womenfamily.registry.consent;

/** How a consent (or its revocation) was given. */
public enum ConsentChannel {
    PAPER, VERBAL, APP, SMS
}
