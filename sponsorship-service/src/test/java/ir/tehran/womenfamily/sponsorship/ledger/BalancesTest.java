package ir.tehran.womenfamily.sponsorship.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rules of the ledger: no money out that did not come in, none in beyond what was promised. */
class BalancesTest {

    private static LedgerEntry entry(LedgerEntry.Kind kind, long amount) {
        LedgerEntry e = new LedgerEntry();
        e.kind = kind;
        e.amountRials = amount;
        return e;
    }

    @Test
    void aPledgeReceivedAndPaidOut() {
        Balances b = Balances.ZERO.apply(LedgerEntry.Kind.PLEDGED, 12_000_000)
            .apply(LedgerEntry.Kind.RECEIVED, 5_000_000)
            .apply(LedgerEntry.Kind.DISBURSED, 3_000_000);
        assertEquals(7_000_000, b.outstanding());
        assertEquals(2_000_000, b.available());
        Balances ended = b.apply(LedgerEntry.Kind.PLEDGE_RELEASED, b.outstanding());
        assertEquals(0, ended.outstanding());
        assertEquals(2_000_000, ended.available(), "money received stays for the child after the end");
    }

    @Test
    void theRulesRefuseWhatWouldUnbalanceTheBooks() {
        Balances b = Balances.ZERO.apply(LedgerEntry.Kind.PLEDGED, 1000).apply(LedgerEntry.Kind.RECEIVED, 600);
        assertEquals("exceeds-outstanding",
            assertThrows(Balances.Refused.class, () -> b.apply(LedgerEntry.Kind.RECEIVED, 401)).code());
        assertEquals("exceeds-outstanding",
            assertThrows(Balances.Refused.class, () -> b.apply(LedgerEntry.Kind.PLEDGE_RELEASED, 401)).code());
        assertEquals("exceeds-available",
            assertThrows(Balances.Refused.class, () -> b.apply(LedgerEntry.Kind.DISBURSED, 601)).code());
        assertEquals("amount-not-positive",
            assertThrows(Balances.Refused.class, () -> b.apply(LedgerEntry.Kind.RECEIVED, 0)).code());
        assertEquals(0, b.apply(LedgerEntry.Kind.RECEIVED, 400).outstanding(), "exactly what is outstanding");
    }

    @Test
    void whateverTheOrderOfOperationsTheBalancesAreTheSumsOfTheEntriesAndReconcile() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Balances b = Balances.ZERO;
            List<LedgerEntry> accepted = new ArrayList<>();
            long pledged = 0;
            long released = 0;
            long received = 0;
            long disbursed = 0;
            for (int i = 0; i < 60; i++) {
                LedgerEntry.Kind kind = LedgerEntry.Kind.values()[random.nextInt(4)];
                long amount = 1 + random.nextInt(5_000_000);
                try {
                    b = b.apply(kind, amount);
                } catch (Balances.Refused refused) {
                    continue;
                }
                accepted.add(entry(kind, amount));
                switch (kind) {
                    case PLEDGED -> pledged += amount;
                    case PLEDGE_RELEASED -> released += amount;
                    case RECEIVED -> received += amount;
                    case DISBURSED -> disbursed += amount;
                }
                assertTrue(b.consistent(), b::toString);
            }
            assertEquals(new Balances(pledged, released, received, disbursed), b);
            assertEquals(b, Balances.of(accepted), "replaying the entries gives the same balances");
            assertEquals(b.pledged(), b.released() + b.received() + b.outstanding());
            assertEquals(b.received(), b.disbursed() + b.available());
        }
    }
}
