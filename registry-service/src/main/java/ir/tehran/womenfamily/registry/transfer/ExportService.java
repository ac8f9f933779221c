package ir.tehran.womenfamily.registry.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.household.Child;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Export of women and their children in the import format, without sensitive fields: a registration
 * channel that is itself a sensitive fact is left empty, and no cohort, case or note is ever included.
 * Written page by page, so memory stays flat at any size.
 */
@ApplicationScoped
public class ExportService {

    private static final int PAGE = 1000;

    public void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(ImportFormat.header());
        w.write('\n');
        UUID after = null;
        while (true) {
            Page page = page(after);
            for (Beneficiary b : page.women()) {
                List<Child> kids = page.children().getOrDefault(b.id, List.of());
                if (kids.isEmpty()) {
                    line(w, b, null);
                }
                for (Child c : kids) {
                    line(w, b, c);
                }
            }
            w.flush();
            if (page.women().size() < PAGE) {
                break;
            }
            after = page.women().get(page.women().size() - 1).id;
        }
        w.flush();
    }

    record Page(List<Beneficiary> women, Map<UUID, List<Child>> children) {
    }

    @Transactional
    Page page(UUID after) {
        List<Beneficiary> women = after == null
            ? Beneficiary.<Beneficiary>find("mergedInto is null order by id").page(0, PAGE).list()
            : Beneficiary.<Beneficiary>find("mergedInto is null and id > ?1 order by id", after).page(0, PAGE).list();
        if (women.isEmpty()) {
            return new Page(women, Map.of());
        }
        List<UUID> ids = women.stream().map(b -> b.id).toList();
        Map<UUID, List<Child>> kids = Child.<Child>list("motherId in ?1 and removedAt is null order by birthDate", ids)
            .stream().collect(Collectors.groupingBy(c -> c.motherId));
        return new Page(women, kids);
    }

    private static void line(Writer w, Beneficiary b, Child c) throws IOException {
        Object[] values = {b.nationalCode, b.firstName, b.lastName, b.fatherName, b.birthDate, b.mobile, b.district,
            b.postalCode, b.address, b.registrationChannel.isSensitive() ? null : b.registrationChannel,
            b.supportLevel,
            c == null ? null : c.firstName, c == null ? null : c.lastName, c == null ? null : c.nationalCode,
            c == null ? null : c.birthDate, c == null ? null : c.gender, c == null ? null : c.grade};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Csv.quote(values[i]));
        }
        w.write(sb.append('\n').toString());
    }
}
