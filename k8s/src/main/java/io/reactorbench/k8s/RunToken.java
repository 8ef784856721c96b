package io.reactorbench.k8s;

import java.security.SecureRandom;
import java.util.Base64;

/** The run's shared secret: 32 random bytes, base64url without padding, new for every generated manifest. */
public final class RunToken {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunToken() {
    }

    public static String fresh() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
