package ir.tehran.womenfamily.support.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentSmsSinkTest {

    @TempDir
    Path dir;

    @Test
    void theTextIsShownInTheFileWithTheNumberMasked() throws Exception {
        Path file = dir.resolve("sms").resolve("development-sms.txt");
        DevelopmentSmsSink sink = new DevelopmentSmsSink(Optional.of(file));

        sink.send("+989121234567", "کد ورود: 123456");
        sink.sendCode("+989351112222", "654321", "code 654321");

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).endsWith("+98******4567 کد ورود: 123456"), lines.get(0));
        assertTrue(lines.get(1).endsWith("+98******2222 code 654321"), lines.get(1));
        assertFalse(Files.readString(file).contains("9121234567"));
    }

    @Test
    void noProviderRefusesEverything() {
        assertEquals("no SMS provider is configured (support.sms.provider)",
            org.junit.jupiter.api.Assertions.assertThrows(SmsException.class,
                () -> SmsSenders.of(new TestConfig(Optional.empty())).send("+989121234567", "x")).getMessage());
    }

    /** The configuration with only a provider. */
    private record TestConfig(Optional<String> provider) implements SmsConfig {
        @Override
        public Development development() {
            return Optional::empty;
        }

        @Override
        public Kavenegar kavenegar() {
            throw new UnsupportedOperationException();
        }
    }
}
