package io.spot.onboarding.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar spot-emulator-<version>-standalone.jar --port 8080 --token T [--token T2]
 * [--read-only-token R] [--org-id N] [answers]}: prints the base URL, then serves until killed. The
 * answers to Spot's open questions are {@link SpotAnswers}' options.
 */
public final class Main {

    static final String USAGE = "usage: spot-emulator [--port N] --token T [--token T2 ...] "
            + "[--read-only-token R ...] [--org-id 123456789012] [--new-external-id keeps-old|replaces-old] "
            + "[--digits-only-names accepted|refused] [--organization-header optional|required] "
            + "[--rate-limit-scope template|path|organization] [--rate-limit-headers on|off] "
            + "[--rate-limit-counts-refused on|off]";

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        SpotEmulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SpotEmulator emulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "spot-emulator-shutdown"));
        System.out.println(emulator.baseUrl());
        new CountDownLatch(1).await();
    }

    static SpotEmulator.Builder parse(String[] args) {
        SpotEmulator.Builder builder = SpotEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("Spot API emulator");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(parsePort(value));
                case "--token" -> builder.token(value);
                case "--read-only-token" -> builder.readOnlyToken(value);
                case "--org-id" -> builder.organizationId(value);
                default -> builder.answers(builder.answers().with(option, value));
            }
        }
        return builder;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got " + value);
        }
    }
}
