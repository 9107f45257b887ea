package dev.annota.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void a_hash_is_a_phc_string_that_verifies_the_right_password_only() {
        String h = hasher.hash("correct horse");
        assertTrue(h.matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h);
        assertTrue(hasher.verify("correct horse", h));
        assertFalse(hasher.verify("correct horsE", h));
        assertNotEquals(h, hasher.hash("correct horse"), "each hash has its own salt");
    }

    @Test
    void the_standard_cost_is_19_mib_two_passes_one_lane() {
        assertTrue(PasswordHasher.standard().hash("password1").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void a_stored_hash_keeps_its_own_parameters() {
        String h = new PasswordHasher(2048, 3, 2).hash("password1");
        assertTrue(hasher.verify("password1", h));
    }

    @Test
    void malformed_stored_hashes_never_verify() {
        for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"}) {
            assertFalse(hasher.verify("password1", bad), bad);
        }
    }

    @Test
    void the_hash_is_the_rfc_9106_argon2id_function() {
        // RFC 9106 section 5.3 test vector, computed with Bouncy Castle directly and through the PHC string
        byte[] out = new byte[32];
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32).withIterations(3).withParallelism(4).withSalt(repeat(0x02, 16))
                .withSecret(repeat(0x03, 8)).withAdditional(repeat(0x04, 12)).build());
        g.generateBytes(repeat(0x01, 32), out);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(out));
        String phc = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$" + java.util.Base64.getEncoder().withoutPadding().encodeToString(
                reference("password", "somesalt".getBytes(StandardCharsets.UTF_8)));
        assertTrue(hasher.verify("password", phc));
    }

    private static byte[] reference(String password, byte[] salt) {
        byte[] out = new byte[32];
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64).withIterations(1).withParallelism(1).withSalt(salt).build());
        g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static byte[] repeat(int b, int n) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }
}
