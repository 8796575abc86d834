package io.spot.onboarding.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void masksEveryKnownSecretInWhateverItPrints() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.secret("spotToken123");
        console.line("a handler said: invalid token spotToken123, see spotToken123");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a handler said: invalid token ****, see ****\n");
    }
}
