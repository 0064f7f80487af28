package dev.ytv2.content;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The two tiers of kept answers: JSON and gzip for the latest, the gzip alone for many more, never an answer of another snapshot. */
@UnitTest
class EncodedAnswersTest {
    private final AtomicInteger computed = new AtomicInteger();

    private static byte[] page(String name) {
        StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"reports\":[");
        for (int i = 0; i < 200; i++) json.append(i == 0 ? "" : ",").append("{\"video_id\":\"yt:").append(name).append(i).append("\"}");
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private EncodedAnswers.Answer get(EncodedAnswers<String> answers, String key, String snapshot) {
        return answers.get(key, snapshot, () -> {
            computed.incrementAndGet();
            return new EncodedAnswers.Encoded(snapshot, page(key));
        });
    }

    @Test
    void anAnswerPushedOutOfTheWholeTierIsServedFromItsGzipAsTheSameJson() {
        int one = page("a").length;
        // Room for one whole answer, and for the gzip of many.
        EncodedAnswers<String> answers = new EncodedAnswers<>(one + one / 2, 1_000_000, 1_000_000);
        EncodedAnswers.Answer a = get(answers, "a", "s1");
        get(answers, "b", "s1");
        assertThat(computed).hasValue(2);

        EncodedAnswers.Answer again = get(answers, "a", "s1");
        assertThat(computed).as("read again from the compact tier").hasValue(2);
        assertThat(again.json()).as("only its gzip is kept").isNull();
        assertThat(again.gzip()).isEqualTo(a.gzip());
        assertThat(again.plain()).isEqualTo(page("a"));
        assertThat(again.etag()).isEqualTo(a.etag());

        assertThat(get(answers, "b", "s1").json()).as("the latest keeps its JSON").isEqualTo(page("b"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void aNewerSnapshotIsComputedAgainInBothTiers() {
        EncodedAnswers<String> answers = new EncodedAnswers<>(1_000_000, 1_000_000, 1_000_000);
        get(answers, "a", "s1");
        get(answers, "a", "s2");
        assertThat(computed).hasValue(2);
        assertThat(get(answers, "a", "s2").snapshot()).isEqualTo("s2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void eachTierStaysWithinItsBytes() {
        int one = page("a").length;
        EncodedAnswers<String> answers = new EncodedAnswers<>(one + one / 2, one / 4, 1_000_000);
        for (String key : new String[]{"a", "b", "c", "d", "e", "f"}) get(answers, key, "s1");
        assertThat(computed).hasValue(6);
        get(answers, "f", "s1");
        assertThat(computed).as("the latest is kept").hasValue(6);
        get(answers, "a", "s1");
        assertThat(computed).as("the oldest fell out of both").hasValue(7);
    }
}
