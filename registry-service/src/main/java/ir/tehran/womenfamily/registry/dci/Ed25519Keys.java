package ir.tehran.womenfamily.registry.dci;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Reads Ed25519 public keys as agencies give them: base64 of the raw 32 bytes or of the X.509 encoding. */
final class Ed25519Keys {

    /** The X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /** The key, or {@link IllegalArgumentException} when the text is not an Ed25519 public key. */
    static PublicKey publicKey(String base64) {
        byte[] bytes;
        try {
            String text = base64.strip();
            bytes = text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64", e);
        }
        if (bytes.length == 32) {
            byte[] der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(bytes, 0, der, X509_PREFIX.length, 32);
            bytes = der;
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
