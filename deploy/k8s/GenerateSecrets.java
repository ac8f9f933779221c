import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Writes the secret files an overlay's secretGenerator reads, into {@code <overlay>/secrets/} (git-ignored):
 * {@code signing-jwk.json} (the gateway's RSA token signing key as a private JWK) and
 * {@code registry-agency-check.env} (the registry's inter-agency HMAC key) and {@code gateway-bootstrap-admin.env}
 * (the username and one-time password of the first admin, who must change it at her first login, and the id and
 * secret of the first-party client {@code admin-cli} she signs in through; the gateway
 * creates her only while no active admin exists), {@code notification-vapid.env} (the notification service's
 * Web Push key pair, RFC 8292: {@code public-key}, the uncompressed P-256 point, and {@code private-key}, the 32-byte
 * scalar, both base64url) and {@code gateway-mobile-sign-in.env} (the HMAC key hiding numbers and codes at rest,
 * and the SMS provider's settings, empty until the operator fills in her Kavenegar account's: with no provider no
 * code is sent) and {@code registry-dci-token-key.env} (the AES-256 key sealing other agencies' registry tokens at
 * rest). Existing files are kept, so running it twice never rotates a key by accident (browsers stay
 * subscribed with the VAPID public key; a new hash key would void the codes in flight).
 * Run: {@code java deploy/k8s/GenerateSecrets.java deploy/k8s/overlays/X}.
 * Database credentials are not here: CloudNativePG generates them in the cluster ({@code <service>-db-app}).
 */
public final class GenerateSecrets {

    private GenerateSecrets() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java GenerateSecrets.java <overlay directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("secrets");
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        Path jwk = dir.resolve("signing-jwk.json");
        if (Files.notExists(jwk)) {
            write(jwk, signingJwk(random));
        }
        Path agency = dir.resolve("registry-agency-check.env");
        if (Files.notExists(agency)) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            write(agency, "key=" + Base64.getEncoder().encodeToString(key) + "\nkey-id=" + LocalDate.now() + "\n");
        }
        Path admin = dir.resolve("gateway-bootstrap-admin.env");
        if (Files.notExists(admin)) {
            byte[] password = new byte[18];
            random.nextBytes(password);
            byte[] clientSecret = new byte[32];
            random.nextBytes(clientSecret);
            write(admin, "username=admin\npassword="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(password) + "\n"
                + "client-id=admin-cli\nclient-secret="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(clientSecret) + "\n");
            System.out.println("first admin: username admin, one-time password in " + admin.toAbsolutePath()
                + " (she chooses her own at her first login), signing in through the client admin-cli whose secret"
                + " is in the same file");
        }
        Path tokenKey = dir.resolve("registry-dci-token-key.env");
        if (Files.notExists(tokenKey)) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            write(tokenKey, "key=" + Base64.getEncoder().encodeToString(key) + "\n");
        }
        Path vapid = dir.resolve("notification-vapid.env");
        if (Files.notExists(vapid)) {
            write(vapid, vapidKeyPair(random));
        }
        Path mobile = dir.resolve("gateway-mobile-sign-in.env");
        if (Files.notExists(mobile)) {
            byte[] hashKey = new byte[36];
            random.nextBytes(hashKey);
            write(mobile, "# a woman's sign-in with her mobile number and a one-time code (gateway)\n"
                + "hash-key=" + Base64.getUrlEncoder().withoutPadding().encodeToString(hashKey) + "\n"
                + "# the SMS provider (support-sms): provider=kavenegar with the account's API key and sender\n"
                + "# line, and optionally a verify/lookup template approved in its panel; with provider empty no\n"
                + "# code is sent\n"
                + "provider=\nkavenegar-api-key=\nkavenegar-sender=\nkavenegar-code-template=\n");
            System.out.println("SMS provider: fill in " + mobile.toAbsolutePath() + " (Kavenegar's API key and sender)"
                + " before women can sign in with a one-time code");
        }
        System.out.println("secret files in " + dir.toAbsolutePath());
    }

    private static String signingJwk(SecureRandom random) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String kid = "k8s-" + LocalDate.now() + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\""
            + ",\"n\":\"" + b64(k.getModulus()) + "\",\"e\":\"" + b64(k.getPublicExponent()) + "\""
            + ",\"d\":\"" + b64(k.getPrivateExponent()) + "\",\"p\":\"" + b64(k.getPrimeP()) + "\""
            + ",\"q\":\"" + b64(k.getPrimeQ()) + "\",\"dp\":\"" + b64(k.getPrimeExponentP()) + "\""
            + ",\"dq\":\"" + b64(k.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(k.getCrtCoefficient()) + "\"}\n";
    }

    /** A VAPID key pair (RFC 8292) on P-256: the public key as the uncompressed point, the private as the scalar. */
    static String vapidKeyPair(SecureRandom random) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        byte[] point = new byte[65];
        point[0] = 0x04;
        System.arraycopy(fixed(publicKey.getW().getAffineX()), 0, point, 1, 32);
        System.arraycopy(fixed(publicKey.getW().getAffineY()), 0, point, 33, 32);
        byte[] scalar = fixed(((ECPrivateKey) pair.getPrivate()).getS());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "public-key=" + b64.encodeToString(point) + "\nprivate-key=" + b64.encodeToString(scalar) + "\n";
    }

    /** The unsigned big-endian bytes of a P-256 coordinate or scalar, left-padded to 32. */
    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, out, 32 - n, n);
        return out;
    }

    /** Base64url of the unsigned big-endian bytes, without padding (RFC 7518 §6.3). */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
