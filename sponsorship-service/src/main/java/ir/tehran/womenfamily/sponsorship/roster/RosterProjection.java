package ir.tehran.womenfamily.sponsorship.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.sponsorship.child.ChildHistory;
import ir.tehran.womenfamily.sponsorship.child.ChildHistoryLog;
import ir.tehran.womenfamily.sponsorship.child.ChildLeft;
import ir.tehran.womenfamily.sponsorship.child.Gender;
import ir.tehran.womenfamily.sponsorship.consent.ConsentProjection;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsent;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.mother.MotherMerge;
import ir.tehran.womenfamily.support.events.EventTypes;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns the registry's events into the roster of children and mothers. Applying an event is a function of
 * the event and the current state only, so the live consumer and a replay of the topics reach the same
 * roster:
 * <ul>
 *   <li>{@code child.added} and {@code child.updated} carry the child's full state; the last one wins. Each
 *       row remembers the topic position of the event it last applied, and an older event never
 *       overwrites a newer one (a replay running beside the live consumer is harmless).</li>
 *   <li>Merges are kept as the registry stated them (a chain {@code a -> b -> c}); a child event naming a
 *       merged mother is applied to the last survivor, and each merge she went through is written to her
 *       history with the merge's own time, whichever of the two events is read first. A split (the registry
 *       undid a merge) forgets the merge and puts the children back with the mother the registry names.</li>
 *   <li>{@code consent.given} and {@code consent.revoked} keep the mother's consent to sponsorship
 *       ({@link ConsentProjection}); it decides whether her children are matched and shown to sponsors.</li>
 *   <li>Side effects (history lines, ending a removed child's sponsorships) happen only when the state
 *       actually changes, so re-applying an event does nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class RosterProjection {

    private static final String REGISTRY = "registry";

    @Inject
    ChildHistoryLog history;

    @Inject
    Event<ChildLeft> childLeft;

    @Inject
    ConsentProjection consents;

    /** What a replay's batch looked up at once: rows that exist are in the session, these do not exist. */
    private static final class Known {
        final Set<UUID> noChild = new HashSet<>();
        final Set<UUID> noMother = new HashSet<>();
        final Set<UUID> noMerge = new HashSet<>();
    }

    private final ThreadLocal<Known> known = new ThreadLocal<>();

    /**
     * Applies a batch of events in the caller's transaction, exactly as {@link #apply} one by one, but with the
     * rows they touch read in three queries instead of several per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyBatch(List<ReceivedEvent> events) {
        try (Prepared p = prepare(events)) {
            events.forEach(this::apply);
        }
    }

    /** Ends what {@link #prepare} read ahead. */
    public interface Prepared extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Reads at once, in the caller's transaction, the rows that {@code events} touch (three queries), so that
     * {@link #apply} on this thread finds them in the session or knows they do not exist until the answer is
     * closed. The live consumer and the replay use it for the events they apply together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Prepared prepare(List<ReceivedEvent> events) {
        Set<UUID> children = new HashSet<>();
        Set<UUID> mothers = new HashSet<>();
        for (ReceivedEvent e : events) {
            collect(children, e.data(), "childId");
            collect(mothers, e.data(), "motherId");
            collect(mothers, e.data(), "beneficiaryId");
            collect(mothers, e.data(), "survivorId");
        }
        Known k = new Known();
        k.noChild.addAll(children);
        k.noMother.addAll(mothers);
        k.noMerge.addAll(mothers);
        if (!children.isEmpty()) {
            Child.<Child>list("id in ?1", children).forEach(c -> k.noChild.remove(c.id));
        }
        if (!mothers.isEmpty()) {
            Mother.<Mother>list("beneficiaryId in ?1", mothers).forEach(m -> k.noMother.remove(m.beneficiaryId));
            MotherMerge.<MotherMerge>list("mergedId in ?1", mothers).forEach(m -> k.noMerge.remove(m.mergedId));
        }
        known.set(k);
        return known::remove;
    }

    private static void collect(Set<UUID> ids, JsonNode data, String field) {
        JsonNode v = data == null ? null : data.get(field);
        if (v != null && v.isTextual()) {
            try {
                ids.add(UUID.fromString(v.asText()));
            } catch (IllegalArgumentException ignored) {
                // a bad id fails when the event itself is applied
            }
        }
    }

    private Child child(UUID id) {
        Known k = known.get();
        return k != null && k.noChild.contains(id) ? null : Child.findById(id);
    }

    private Mother mother(UUID id) {
        Known k = known.get();
        return k != null && k.noMother.contains(id) ? null : Mother.findById(id);
    }

    private MotherMerge merge(UUID id) {
        Known k = known.get();
        return k != null && k.noMerge.contains(id) ? null : MotherMerge.findById(id);
    }

    /** Applies one event in the caller's transaction; false when the roster does not read this type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ReceivedEvent event) {
        switch (registryType(event)) {
            case "child.added" -> childSnapshot(event, true);
            case "child.updated" -> childSnapshot(event, false);
            case "child.removed" -> childRemoved(event);
            case "beneficiary.registered" -> motherRegistered(event);
            case "beneficiary.updated" -> motherUpdated(event);
            case "beneficiary.status-changed" -> motherStatusChanged(event);
            case "beneficiary.support-level-changed" -> motherSupportLevelChanged(event);
            case "beneficiary.merged" -> motherMerged(event);
            case "consent.given", "consent.revoked" -> {
                return consents.apply(event);
            }
            case "beneficiary.split" -> motherSplit(event);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The registry's type of the event without its prefix: {@code child.added}; empty for another producer's. */
    static String registryType(ReceivedEvent event) {
        String prefix = EventTypes.cloudEventType(REGISTRY, "");
        String type = event.type();
        return type != null && type.startsWith(prefix) ? type.substring(prefix.length()) : "";
    }

    // ---- children

    private void childSnapshot(ReceivedEvent event, boolean added) {
        JsonNode d = event.data();
        UUID id = uuid(d, "childId");
        UUID registryMother = uuid(d, "motherId");
        LocalDate birth = LocalDate.parse(text(d, "birthDate"));
        JalaliDate birthJalali = JalaliDate.parse(text(d, "birthDateJalali"));
        if (!birthJalali.toGregorian().equals(birth)) {
            throw new IllegalArgumentException("birthDate " + birth + " and birthDateJalali " + birthJalali
                + " name different days");
        }
        Gender gender = Gender.valueOf(text(d, "gender"));
        String initial = initial(d);
        Short grade = smallInt(d, "grade", 0, 12);
        Short district = smallInt(d, "district", 1, 22);
        Instant at = time(event);

        Child c = child(id);
        if (c != null && older(c, event)) {
            return;
        }
        List<MotherMerge> hops = MotherMerge.chain(registryMother, this::merge);
        UUID mother = hops.isEmpty() ? registryMother : hops.get(hops.size() - 1).survivorId;
        if (c == null) {
            c = new Child();
            c.id = id;
            c.motherId = mother;
            c.registryMotherId = registryMother;
            c.firstNameInitial = initial;
            c.birthDate = birth;
            c.gender = gender;
            c.grade = grade;
            c.district = district;
            c.firstSeenAt = at;
            c.registryUpdatedAt = at;
            c.sourcePartition = event.partition();
            c.sourceOffset = event.offset();
            c.persist();
            Known k = known.get();
            if (k != null) {
                k.noChild.remove(id);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("grade", grade);
            detail.put("district", district);
            history.record(id, at, ChildHistory.Kind.ADDED, detail, event.id());
            recordMerges(id, hops);
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "motherId", c.motherId, mother);
        change(changes, "firstNameInitial", c.firstNameInitial, initial);
        change(changes, "birthDate", c.birthDate, birth);
        change(changes, "gender", c.gender, gender);
        change(changes, "grade", c.grade, grade);
        change(changes, "district", c.district, district);
        if (added && c.removedAt != null) {
            c.removedAt = null;
            history.record(id, at, ChildHistory.Kind.READDED, Map.of(), event.id());
        }
        c.motherId = mother;
        c.registryMotherId = registryMother;
        c.firstNameInitial = initial;
        c.birthDate = birth;
        c.gender = gender;
        c.grade = grade;
        c.district = district;
        c.registryUpdatedAt = at;
        c.sourcePartition = event.partition();
        c.sourceOffset = event.offset();
        if (!changes.isEmpty()) {
            history.record(id, at, ChildHistory.Kind.UPDATED, changes, event.id());
        }
    }

    private void childRemoved(ReceivedEvent event) {
        JsonNode d = event.data();
        UUID id = uuid(d, "childId");
        Instant removedAt = Instant.parse(text(d, "removedAt"));
        Child c = child(id);
        if (c == null || older(c, event)) {
            return;
        }
        c.sourcePartition = event.partition();
        c.sourceOffset = event.offset();
        if (c.removedAt != null) {
            return;
        }
        boolean wasActive = c.isActive();
        c.removedAt = removedAt;
        history.record(id, time(event), ChildHistory.Kind.REMOVED, Map.of(), event.id());
        if (wasActive) {
            childLeft.fire(new ChildLeft(id, ChildLeft.Reason.CHILD_REMOVED, time(event)));
        }
    }

    // ---- mothers

    private void motherRegistered(ReceivedEvent event) {
        JsonNode d = event.data();
        Mother m = motherFor(uuid(d, "beneficiaryId"), event);
        if (m == null) {
            return;
        }
        m.registeredOn = d.path("registeredOn").asText(null);
        if (d.has("district")) {
            m.district = smallInt(d, "district", 1, 22);
        }
    }

    private void motherUpdated(ReceivedEvent event) {
        JsonNode d = event.data();
        if (!d.has("district")) {
            throw new IllegalArgumentException("No value for property 'district'");
        }
        Mother m = motherFor(uuid(d, "beneficiaryId"), event);
        if (m != null) {
            m.district = smallInt(d, "district", 1, 22);
        }
    }

    private void motherStatusChanged(ReceivedEvent event) {
        JsonNode d = event.data();
        Mother.Status to = Mother.Status.valueOf(text(d, "to"));
        Mother m = motherFor(uuid(d, "beneficiaryId"), event);
        if (m != null) {
            m.status = to;
        }
    }

    private void motherSupportLevelChanged(ReceivedEvent event) {
        JsonNode d = event.data();
        Mother.SupportLevel to = Mother.SupportLevel.valueOf(text(d, "to"));
        Mother m = motherFor(uuid(d, "beneficiaryId"), event);
        if (m != null) {
            m.supportLevel = to;
        }
    }

    private void motherMerged(ReceivedEvent event) {
        JsonNode d = event.data();
        UUID merged = uuid(d, "beneficiaryId");
        UUID survivor = uuid(d, "survivorId");
        Instant mergedAt = Instant.parse(text(d, "mergedAt"));
        List<MotherMerge> onward = MotherMerge.chain(survivor, this::merge);
        if (survivor.equals(merged) || onward.stream().anyMatch(h -> h.survivorId.equals(merged))) {
            throw new IllegalArgumentException("merging " + merged + " into " + survivor + " would make a loop");
        }
        Mother m = motherFor(merged, event);
        if (m != null) {
            m.mergedInto = survivor;
        }
        // her consents now stand under the survivor, where the registry announces them again
        SponsorshipConsent.deleteById(merged);
        if (merge(merged) != null) {
            return;
        }
        MotherMerge merge = new MotherMerge();
        merge.mergedId = merged;
        merge.survivorId = survivor;
        merge.mergedAt = mergedAt;
        merge.sourceEventId = event.id();
        merge.persist();
        Known k = known.get();
        if (k != null) {
            k.noMerge.remove(merged);
        }
        List<MotherMerge> hops = new ArrayList<>();
        hops.add(merge);
        hops.addAll(onward);
        UUID last = hops.get(hops.size() - 1).survivorId;
        for (Child c : Child.<Child>list("motherId", merged)) {
            c.motherId = last;
            recordMerges(c.id, hops);
        }
    }

    /**
     * The registry undid the merge of {@code beneficiaryId} into {@code survivorId}: the merge is forgotten, she is
     * a mother of her own again, and every child that the merge put with the survivor goes back to the mother the
     * registry last named for it ({@code registryMotherId}, resolved through the merges that remain). The
     * registry also announces each child moved back ({@code child.updated}); whichever is read first, the child
     * ends with her. Applying it again changes nothing.
     */
    private void motherSplit(ReceivedEvent event) {
        JsonNode d = event.data();
        UUID split = uuid(d, "beneficiaryId");
        UUID survivor = uuid(d, "survivorId");
        MotherMerge merge = merge(split);
        if (merge != null && merge.survivorId.equals(survivor)) {
            merge.delete();
            Known k = known.get();
            if (k != null) {
                k.noMerge.add(split);
            }
        }
        Mother m = motherFor(split, event);
        if (m != null && survivor.equals(m.mergedInto)) {
            m.mergedInto = null;
        }
        UUID last = MotherMerge.chain(survivor, this::merge).stream().reduce((a, b) -> b)
            .map(h -> h.survivorId).orElse(survivor);
        for (Child c : Child.<Child>list("motherId in ?1 or registryMotherId = ?2", List.of(survivor, last), split)) {
            List<MotherMerge> hops = MotherMerge.chain(c.registryMotherId, this::merge);
            UUID mother = hops.isEmpty() ? c.registryMotherId : hops.get(hops.size() - 1).survivorId;
            if (!mother.equals(c.motherId)) {
                history.record(c.id, time(event), ChildHistory.Kind.MOTHER_SPLIT,
                    Map.of("from", c.motherId, "to", mother), event.id());
                c.motherId = mother;
            }
        }
    }

    /** One history line per merge she went through, timed and identified by the merge itself. */
    private void recordMerges(UUID childId, List<MotherMerge> hops) {
        for (MotherMerge hop : hops) {
            history.record(childId, hop.mergedAt, ChildHistory.Kind.MOTHER_MERGED,
                Map.of("from", hop.mergedId, "to", hop.survivorId), hop.sourceEventId);
        }
    }

    /** Her row, created on the first event about her; null when the event is older than the row. */
    private Mother motherFor(UUID id, ReceivedEvent event) {
        Mother m = mother(id);
        if (m == null) {
            m = new Mother();
            m.beneficiaryId = id;
            m.firstSeenAt = time(event);
            m.sourceEventId = event.id();
            m.sourcePartition = event.partition();
            m.sourceOffset = event.offset();
            m.persist();
            Known k = known.get();
            if (k != null) {
                k.noMother.remove(id);
            }
        } else if (m.sourcePartition != null && m.sourcePartition == event.partition()
            && event.offset() < m.sourceOffset) {
            return null;
        }
        m.sourcePartition = event.partition();
        m.sourceOffset = event.offset();
        return m;
    }

    // ---- reading events

    private static boolean older(Child c, ReceivedEvent event) {
        return c.sourcePartition == event.partition() && event.offset() < c.sourceOffset;
    }

    private static void change(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", from == null ? null : from.toString());
            fromTo.put("to", to == null ? null : to.toString());
            changes.put(field, fromTo);
        }
    }

    private static Instant time(ReceivedEvent event) {
        if (event.time() == null) {
            throw new IllegalArgumentException("the event has no time");
        }
        return event.time().toInstant();
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.required(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return v.asText();
    }

    /**
     * The first name's initial ({@code firstNameInitial}, optional: older events lack it): one letter, folded
     * again here so that the roster never holds two forms of one letter; anything longer is a producer bug.
     */
    static String initial(JsonNode data) {
        JsonNode v = data.path("firstNameInitial");
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String folded = v.isTextual() ? PersianText.matchKey(v.asText()) : null;
        if (folded == null || folded.length() != 1 || !Character.isLetter(folded.charAt(0))) {
            throw new IllegalArgumentException("'firstNameInitial' must be one letter");
        }
        return folded.toUpperCase(Locale.ROOT);
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(text(data, field));
    }

    private static Short smallInt(JsonNode data, String field, int min, int max) {
        JsonNode v = data.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException("'" + field + "' must be an integer from " + min + " to " + max);
        }
        return (short) v.asInt();
    }
}
