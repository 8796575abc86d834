package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.emulator.RateLimitAnswers.CountsRefused;
import io.spot.onboarding.emulator.RateLimitAnswers.Headers;
import io.spot.onboarding.emulator.RateLimitAnswers.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each answer to what Spot's rate-limit documentation leaves open (open questions 5 and 11), over HTTP. */
class RateLimitAnswersTest extends EmulatorTest {

    private static final String LIST = "/setup/account";
    private static final String RENAME = "{\"account\":{\"name\":\"renamed\"}}";
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private void answer(RateLimitAnswers rateLimits) {
        state().answers(state().answers().with(rateLimits));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TEMPLATE, 429, 200", "PATH, 200, 200", "ORGANIZATION, 429, 429"})
    void eachScopeCountsTwoAccountsAndAReadThenAWriteAsItSays(
            Scope scope, int secondAccountsRename, int writeAfterRead) {
        String first = state().createAccount("a").accountId();
        String second = state().createAccount("b").accountId();
        String third = state().createAccount("c").accountId();
        answer(RateLimitAnswers.DEFAULT.with(scope));
        faults().rateLimit("*", "*", 1, MINUTE);

        assertThat(http.put(LIST + "/" + first, RENAME).status()).isEqualTo(200);
        assertThat(http.put(LIST + "/" + second, RENAME).status()).isEqualTo(secondAccountsRename);

        clock.advance(MINUTE);
        assertThat(http.get(LIST + "/" + third).status()).isEqualTo(200);
        assertThat(http.put(LIST + "/" + third, RENAME).status()).isEqualTo(writeAfterRead);
    }

    @Test
    void theOrganizationsWindowIsHeldAgainstTheLimitOfTheRuleEachCallMatches() {
        String account = state().createAccount("a").accountId();
        answer(RateLimitAnswers.DEFAULT.with(Scope.ORGANIZATION));
        faults().rateLimit("PUT", "/setup/account/{id}", 2, MINUTE);
        faults().rateLimit("GET", LIST, 3, MINUTE);
        String unlimited = String.valueOf(Invented.UNLIMITED_RATE_LIMIT);

        assertHeaders(http.get("/setup/credentials/aws?accountId=" + account), unlimited, unlimited, "0");
        assertHeaders(http.put(LIST + "/" + account, RENAME), "2", "1", "0");
        assertHeaders(http.get(LIST), "3", "1", "0");
        Reply refusedRename = http.put(LIST + "/" + account, RENAME);
        Reply refusedList = http.get(LIST);

        assertThat(refusedRename.status()).isEqualTo(429);
        assertHeaders(refusedRename, "2", "0", "60");
        assertThat(refusedList.status()).isEqualTo(429);
        assertHeaders(refusedList, "3", "0", "60");
        assertThat(http.get("/setup/credentials/aws?accountId=" + account).status())
                .as("a route no rule matches is neither limited nor counted")
                .isEqualTo(200);
    }

    @Test
    void theOrganizationsWindowKeepsACallForTheLongestWindowOfTheRulesThatCountIt() {
        String account = state().createAccount("a").accountId();
        answer(RateLimitAnswers.DEFAULT.with(Scope.ORGANIZATION));
        faults().rateLimit("PUT", "/setup/account/{id}", 1, Duration.ofSeconds(10));
        faults().rateLimit("GET", LIST, 2, MINUTE);

        assertThat(http.get(LIST).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(http.put(LIST + "/" + account, RENAME).status())
                .as("the list call is older than the rename's 10 s")
                .isEqualTo(200);

        assertThat(http.get(LIST).status())
                .as("both calls are within the list's 60 s")
                .isEqualTo(429);
    }

    @Test
    void withoutHeadersNoAnswerCarriesThemAndA429KeepsSpotsEnvelope() {
        answer(RateLimitAnswers.DEFAULT.with(Headers.OFF));
        faults().rateLimit("GET", LIST, 1, MINUTE);

        Reply admitted = http.get(LIST);
        Reply refused = http.get(LIST);
        faults().throttleNext("GET", "/setup/account/{id}", 1, 5);
        Reply throttled = http.get(LIST + "/" + state().defaultAccountId());
        Reply unlimited = http.get("/cbi/v1/setup/account");

        assertThat(admitted.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().path("data").asText()).isEqualTo(Wire.RATE_LIMITED_DATA);
        assertThat(refused.response().path("status").path("code").asInt()).isEqualTo(429);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(unlimited.status()).isEqualTo(200);
        for (Reply reply : List.of(admitted, refused, throttled, unlimited)) {
            assertThat(reply.headers().names())
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit"));
        }
    }

    /** By default the same knocking extends the block: {@link RateLimitTest#knockingWhileBlockedExtendsTheBlock}. */
    @Test
    void whenRefusedCallsAreNotCountedTheBlockEndsExactlyWhenTheAdmittedCallsAgeOut() {
        answer(RateLimitAnswers.DEFAULT.with(CountsRefused.OFF));
        faults().rateLimit("GET", LIST, 2, MINUTE);
        http.get(LIST);
        http.get(LIST);
        clock.advance(Duration.ofSeconds(30));
        Reply knock = http.get(LIST);
        http.get(LIST);

        clock.advance(Duration.ofSeconds(29));
        Reply stillBlocked = http.get(LIST);
        clock.advance(Duration.ofSeconds(1));
        Reply through = http.get(LIST);

        assertThat(knock.status()).isEqualTo(429);
        assertThat(knock.header(Wire.RATE_LIMIT_RESET)).isEqualTo("30");
        assertThat(stillBlocked.status()).isEqualTo(429);
        assertThat(stillBlocked.header(Wire.RATE_LIMIT_RESET)).isEqualTo("1");
        assertThat(through.status()).isEqualTo(200);
    }

    @Test
    void theStandaloneEmulatorTakesEachAnswerAsAnOptionAndGivesItBack() {
        SpotAnswers answers = Main.parse(new String[] {
                    "--token",
                    "t",
                    "--rate-limit-scope",
                    "path",
                    "--rate-limit-headers",
                    "off",
                    "--rate-limit-counts-refused",
                    "off"
                })
                .answers();

        assertThat(answers.rateLimits()).isEqualTo(new RateLimitAnswers(Scope.PATH, Headers.OFF, CountsRefused.OFF));
        assertThat(answers.options())
                .containsSubsequence(
                        "--rate-limit-scope=path", "--rate-limit-headers=off", "--rate-limit-counts-refused=off");
        assertThat(SpotAnswers.DEFAULT.toString())
                .endsWith("--rate-limit-scope=template --rate-limit-headers=on --rate-limit-counts-refused=on");
        assertThat(SpotAnswers.DEFAULT.rateLimits()).isEqualTo(RateLimitAnswers.DEFAULT);
        assertThat(Main.parse(standalone(answers)).answers()).isEqualTo(answers);
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limit-scope", "foo"}))
                .hasMessage("--rate-limit-scope takes template or path or organization, got 'foo'");
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limit-headers", "maybe"}))
                .hasMessage("--rate-limit-headers takes on or off, got 'maybe'");
    }

    /** {@code --name=value} options as the standalone emulator takes them: {@code --name value}. */
    private static String[] standalone(SpotAnswers answers) {
        List<String> args = new ArrayList<>(List.of("--token", "t"));
        for (String option : answers.options()) {
            args.add(option.substring(0, option.indexOf('=')));
            args.add(option.substring(option.indexOf('=') + 1));
        }
        return args.toArray(String[]::new);
    }

    private static void assertHeaders(Reply reply, String limit, String remaining, String reset) {
        assertThat(reply.header(Wire.RATE_LIMIT_LIMIT)).as("limit").isEqualTo(limit);
        assertThat(reply.header(Wire.RATE_LIMIT_REMAINING)).as("remaining").isEqualTo(remaining);
        assertThat(reply.header(Wire.RATE_LIMIT_RESET)).as("reset").isEqualTo(reset);
    }
}
