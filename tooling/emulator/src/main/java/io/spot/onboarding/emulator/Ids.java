package io.spot.onboarding.emulator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

final class Ids {

    private static final String HEX = "0123456789abcdef";
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {}

    static String accountId() {
        return "act-" + random(HEX, 8);
    }

    static String externalId() {
        return Invented.EXTERNAL_ID_PREFIX + random(ALPHANUMERIC, Invented.EXTERNAL_ID_RANDOM_LENGTH);
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static String random(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
