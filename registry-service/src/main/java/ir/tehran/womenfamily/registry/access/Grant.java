package ir.tehran.womenfamily.registry.access;

import java.util.UUID;

import ir.tehran.womenfamily.support.security.Caller;

/**
 * Access to one woman's casework or sensitive facts, granted to {@code actor} on {@code basis}.
 *
 * @param breakGlass the recorded break-glass use, when that is the basis
 */
public record Grant(UUID beneficiaryId, Caller actor, Basis basis, BreakGlass breakGlass) {

    /** A recorded break-glass use: its id and the salted SHA-256 of its reason, which the audit chain keeps. */
    public record BreakGlass(UUID accessId, String reasonSha256) {
    }

    /** Why access was granted; also the purpose written to the audit log. */
    public enum Basis {
        /** She is the woman's assigned caseworker or counsellor. */
        ASSIGNED("casework"),
        /** A caseworker of the woman's district, or the one who registered her (not her sensitive facts). */
        DISTRICT("casework"),
        /** An admin, for what admins may see without a reason (her profile, consents, assignments, referrals). */
        ADMIN("administration"),
        /** The woman herself (role woman, her own {@code beneficiary_id}): her own record, through /me. */
        SELF("self-service"),
        /** An admin who gave a reason to see sensitive facts. */
        BREAK_GLASS("break-glass");

        private final String purpose;

        Basis(String purpose) {
            this.purpose = purpose;
        }

        public String purpose() {
            return purpose;
        }
    }

    public String username() {
        return actor.subject();
    }
}
