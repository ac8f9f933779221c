package ir.tehran.womenfamily.registry.transfer;

import java.time.LocalDate;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;

/**
 * One line of an export as read from the database: a woman (not merged away) and, for the purposes with a
 * line per child, one of her children. Never a managed entity, so a long export keeps no persistence context.
 */
public record ExportRow(String nationalCode, String firstName, String lastName, String fatherName,
        LocalDate birthDate, String mobile, Short district, String postalCode, String address,
        Beneficiary.Channel channel, Beneficiary.SupportLevel supportLevel, Beneficiary.Status status,
        LocalDate registeredOn, int children, ChildPart child) {

    /** Her child on this line. */
    public record ChildPart(String firstName, String lastName, String nationalCode, LocalDate birthDate,
            String gender, Short grade) {
    }
}
