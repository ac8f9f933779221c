package ir.tehran.womenfamily.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens for tests, signed with the test stack's key ({@link InfraTestResource} makes it). Each
 * builder method changes one thing, so a test can hold a token wrong in exactly one way.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "women-family-api";

    private String subject = "test-user";
    private List<String> groups = List.of();
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(5);
    private boolean foreignKey;
    private JwtKeys keys;
    private String clientId = "test-client";
    private final java.util.Map<String, Object> extraClaims = new java.util.LinkedHashMap<>();

    private TestTokens() {
    }

    public static TestTokens token() {
        return new TestTokens();
    }

    /** A valid token for {@code subject} with these roles. */
    public static String forRoles(String subject, String... roles) {
        return token().subject(subject).groups(roles).sign();
    }

    public TestTokens subject(String value) {
        this.subject = value;
        return this;
    }

    public TestTokens groups(String... roles) {
        this.groups = List.of(roles);
        return this;
    }

    public TestTokens issuer(String value) {
        this.issuer = value;
        return this;
    }

    public TestTokens audience(String value) {
        this.audience = value;
        return this;
    }

    public TestTokens clientId(String value) {
        this.clientId = value;
        return this;
    }

    /**
     * Any other claim, as the gateway would add it: {@code districts} (a caseworker's districts, a list of
     * integers), {@code businesses} (a producer's business ids), {@code sponsor_id}, {@code beneficiary_id} (a
     * woman's registry id, role {@code woman}), {@code scope}.
     */
    public TestTokens claim(String name, Object value) {
        this.extraClaims.put(name, value);
        return this;
    }

    /** Issued and expired in the past. */
    public TestTokens expired() {
        this.issuedAt = Instant.now().minus(Duration.ofHours(2));
        this.lifetime = Duration.ofMinutes(15);
        return this;
    }

    /** Issued at {@code value} ({@code iat}), living as long as before from then. */
    public TestTokens issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    /** Living {@code value} from its {@code iat} ({@code exp - iat}). */
    public TestTokens lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /**
     * Signed with these keys rather than the test JVM's ({@link TestInfra#jwtKeys()}): the keys of a
     * {@link LocalStack}, whose processes trust only their own.
     */
    public TestTokens signedWith(JwtKeys value) {
        this.keys = value;
        return this;
    }

    /** Signed by a key nobody trusts. */
    public TestTokens signedByForeignKey() {
        this.foreignKey = true;
        return this;
    }

    public String sign() {
        try {
            RsaJsonWebKey key = foreignKey ? foreign()
                : (keys != null ? keys : TestInfra.jwtKeys()).loadSigningKey();
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setClaim("upn", subject);
            claims.setClaim("client_id", clientId);
            claims.setStringListClaim("groups", groups);
            extraClaims.forEach(claims::setClaim);
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey foreign() throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(TestInfra.jwtKeys().loadSigningKey().getKeyId());
        return key;
    }
}
